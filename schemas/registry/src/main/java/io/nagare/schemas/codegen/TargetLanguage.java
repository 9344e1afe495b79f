package io.nagare.schemas.codegen;

import java.util.List;
import java.util.function.Function;

import io.nagare.schemas.SchemaRegistry;

/**
 * The languages types are generated for from the registry. Schema constructs a language cannot represent faithfully
 * fail generation with {@code not supported: <keyword> at <schema pointer> in <Type> v<N>}.
 */
public enum TargetLanguage {

    /**
     * Java records for the domains: {@code io.nagare.events.<owner>.v<N>.<DetailType>} with Jackson annotations,
     * {@code BigDecimal} amounts and null-checked required properties, plus {@code io.nagare.events.EventTypes}.
     */
    JAVA(JavaGenerator::generate),

    /** TypeScript declarations for partners: {@code <DetailType>/v<N>.d.ts} and an {@code index.d.ts}. */
    TYPESCRIPT(TypeScriptGenerator::generate);

    private final Function<SchemaRegistry, List<GeneratedFile>> generator;

    TargetLanguage(Function<SchemaRegistry, List<GeneratedFile>> generator) {
        this.generator = generator;
    }

    /** Every file for every event type and version of {@code registry}. */
    public List<GeneratedFile> generate(SchemaRegistry registry) {
        return generator.apply(registry);
    }
}
