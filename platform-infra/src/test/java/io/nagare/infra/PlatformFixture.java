package io.nagare.infra;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.nagare.infra.compliance.CompliancePacks;
import io.nagare.infra.testmodel.TestPackages;
import io.nagare.infra.testmodel.TestPlatformDeclarations;
import io.nagare.platform.model.ModelValidator;
import io.nagare.platform.model.PlatformModel;
import io.nagare.schemas.SchemaRegistry;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * The platform built once per environment from the test model (a fixed fixture, so the modules' own declarations,
 * which change as they are written, do not churn snapshots and counts), shared by every test in the JVM: the first synth
 * starts Node and loads aws-cdk-lib (seconds), later ones take a fraction of a second, and templates are cached.
 */
public final class PlatformFixture {

    /**
     * A frozen copy of the schema registry: templates hold every schema version and the partners' clients, so the
     * snapshots change when this infrastructure changes, not when a schema is added.
     */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.load(
            Path.of("src/test/resources/fixture-schemas/events"));
    private static final PlatformModel MODEL = ModelValidator.create(REGISTRY)
            .validate(PlatformModel.of(new TestPlatformDeclarations()));
    private static final Map<PlatformEnvironment, NagarePlatform> PLATFORMS = new EnumMap<>(PlatformEnvironment.class);
    private static final Map<Stack, Template> TEMPLATES = new HashMap<>();
    private static final Map<Stage, CloudAssembly> ASSEMBLIES = new HashMap<>();

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

    /**
     * The stack's template, from one synthesis of its app or stage ({@code Template.fromStack} would synthesize the
     * whole app again for every stack, with every cdk-nag pack).
     */
    public static synchronized Template template(Stack stack) {
        return TEMPLATES.computeIfAbsent(stack, s -> Template.fromJSON(template(artifact(s))));
    }

    /** The cdk-nag errors on the stack ({@code <construct path> <rule id>: <finding>}) that are not acknowledged. */
    public static synchronized List<String> errors(Stack stack) {
        return artifact(stack).getMessages().stream()
                // By name: the constant ERROR is marked deprecated in this CDK version.
                .filter(message -> "ERROR".equals(message.getLevel().name()))
                .map(message -> message.getId() + " " + message.getEntry().getData())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> template(CloudFormationStackArtifact artifact) {
        return (Map<String, Object>) artifact.getTemplate();
    }

    private static CloudFormationStackArtifact artifact(Stack stack) {
        CloudAssembly assembly = ASSEMBLIES.computeIfAbsent(Stage.of(stack), Stage::synth);
        return assembly.getStackByName(stack.getStackName());
    }
}
