package io.nagare.platform.model;

import java.util.List;
import java.util.Objects;

import io.nagare.schemas.SchemaRegistry;

/**
 * Checks a platform model before anything is built from it. Two ways, as event-ruler offers them:
 * {@link #check} returns every problem (empty when the model is valid), {@link #validate} throws them.
 *
 * <p>Rules (see {@code docs/platform-model.md}): names are unique per kind and valid for AWS; every reference
 * resolves; every asynchronous delivery has a dead-letter queue and every queue has one or is one; every rule
 * pattern compiles, names only registered detail-types and matches a valid example of each; values are within
 * AWS limits; each saga's ASL file exists and agrees with its substitutions.
 */
public final class ModelValidator {

    private final SchemaRegistry registry;
    private final ClassLoader definitions;

    private ModelValidator(SchemaRegistry registry, ClassLoader definitions) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.definitions = Objects.requireNonNull(definitions, "definitions");
    }

    /** Checks against the schema registry packed on the classpath; reads ASL files from the context class path. */
    public static ModelValidator create() {
        return create(SchemaRegistry.fromClasspath());
    }

    /** Checks against {@code registry}; reads ASL files from the thread's context class path. */
    public static ModelValidator create(SchemaRegistry registry) {
        return create(registry, Thread.currentThread().getContextClassLoader());
    }

    /** Checks against {@code registry}; reads ASL files through {@code definitions}. */
    public static ModelValidator create(SchemaRegistry registry, ClassLoader definitions) {
        return new ModelValidator(registry, definitions);
    }

    /** Every problem of {@code model}, grouped by rule; empty when it is valid. */
    public List<ModelProblem> check(PlatformModel model) {
        Problems problems = new Problems();
        NameRules.check(model, problems);
        ReferenceRules.check(model, problems);
        DeadLetterRules.check(model, problems);
        new EventRules(registry).check(model, problems);
        LimitRules.check(model, problems);
        TableRules.check(model, problems);
        SagaDefinitionRules.check(model, definitions, problems);
        return problems.list();
    }

    /**
     * Returns {@code model} when it is valid.
     *
     * @throws ModelException listing every problem
     */
    public PlatformModel validate(PlatformModel model) {
        List<ModelProblem> problems = check(model);
        if (!problems.isEmpty()) {
            throw new ModelException(problems);
        }
        return model;
    }
}
