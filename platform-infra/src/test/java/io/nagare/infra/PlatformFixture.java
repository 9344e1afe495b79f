package io.nagare.infra;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import io.nagare.infra.compliance.CompliancePacks;
import io.nagare.infra.testmodel.TestPackages;
import io.nagare.infra.testmodel.TestPlatformDeclarations;
import io.nagare.platform.model.ModelValidator;
import io.nagare.platform.model.PlatformModel;
import io.nagare.schemas.SchemaRegistry;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;

/**
 * The platform built once per environment from the test model, shared by every test in the JVM: the first synth
 * starts Node and loads aws-cdk-lib (seconds), later ones take a fraction of a second, and templates are cached.
 */
public final class PlatformFixture {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.fromClasspath();
    private static final PlatformModel MODEL = ModelValidator.create(REGISTRY)
            .validate(PlatformModel.of(new TestPlatformDeclarations()));
    private static final Map<PlatformEnvironment, NagarePlatform> PLATFORMS = new EnumMap<>(PlatformEnvironment.class);
    private static final Map<Stack, Template> TEMPLATES = new HashMap<>();
    private static final Map<Stack, Annotations> ANNOTATIONS = new HashMap<>();

    private PlatformFixture() {
    }

    public static SchemaRegistry registry() {
        return REGISTRY;
    }

    public static PlatformModel model() {
        return MODEL;
    }

    public static synchronized NagarePlatform platform(PlatformEnvironment environment) {
        return PLATFORMS.computeIfAbsent(environment, env -> {
            App app = new App();
            NagarePlatform platform = NagarePlatform.create(app, new PlatformInputs(env, MODEL, REGISTRY,
                    new TestPackages(), PlatformInputs.DEFAULT_ALLOWED_COUNTRIES));
            CompliancePacks.apply(app, false);
            return platform;
        });
    }

    public static NagarePlatform dev() {
        return platform(PlatformEnvironment.DEV);
    }

    public static NagarePlatform prod() {
        return platform(PlatformEnvironment.PROD);
    }

    public static synchronized Template template(Stack stack) {
        return TEMPLATES.computeIfAbsent(stack, Template::fromStack);
    }

    /** The stack's annotations (cdk-nag findings among them), after its template was synthesized. */
    public static synchronized Annotations annotations(Stack stack) {
        template(stack);
        return ANNOTATIONS.computeIfAbsent(stack, Annotations::fromStack);
    }
}
