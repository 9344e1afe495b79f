package io.nagare.infra;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.nagare.infra.compliance.CompliancePacks;
import io.nagare.infra.compute.DomainPackages;
import io.nagare.infra.compute.FunctionCode;
import io.nagare.infra.delivery.DeliveryPipelineStack;
import io.nagare.infra.delivery.PipelineSource;
import io.nagare.platform.model.ModelValidator;
import io.nagare.platform.model.PlatformModel;
import io.nagare.schemas.SchemaRegistry;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code java io.nagare.infra.NagareInfraApp [--env dev|staging|prod] [--out DIR] [-c KEY=VALUE ...]}
 * (or {@code ./nagare synth}) writes the CloudFormation templates of one environment, offline. The environment can
 * also come from CDK context ({@code cdk synth -c env=prod}); the model is the one on the classpath, validated first.
 *
 * <p>With the context {@value #CONNECTION_CONTEXT} (and {@value #REPOSITORY_CONTEXT}, {@value #BRANCH_CONTEXT}) it
 * writes the delivery pipeline instead, whose stages deploy dev, staging and prod.
 */
public final class NagareInfraApp {

    /** The CDK context key naming the environment. */
    public static final String ENV_CONTEXT = "env";
    /** The CDK context key listing the countries the web firewalls allow, comma-separated. */
    public static final String COUNTRIES_CONTEXT = "nagare:allowedCountries";
    /** The CodeConnections connection ARN the pipeline takes the repository from: set, the app is the pipeline. */
    public static final String CONNECTION_CONTEXT = "nagare:connectionArn";
    public static final String REPOSITORY_CONTEXT = "nagare:repository";
    public static final String BRANCH_CONTEXT = "nagare:branch";
    /** The pipeline's stack: in the platform's Region, in the connection's account. */
    public static final String PIPELINE_STACK = "Nagare-Pipeline";

    private NagareInfraApp() {
    }

    public static void main(String[] args) {
        SynthArguments arguments = SynthArguments.parse(args);
        AppProps.Builder appProps = AppProps.builder().context(new LinkedHashMap<>(arguments.context()));
        if (arguments.outDirectory() != null) {
            appProps.outdir(arguments.outDirectory());
        }
        App app = new App(appProps.build());
        List<String> countries = Arrays.asList(contextOr(app, COUNTRIES_CONTEXT,
                String.join(",", PlatformInputs.DEFAULT_ALLOWED_COUNTRIES)).split(","));
        SchemaRegistry registry = SchemaRegistry.fromClasspath();
        PlatformModel model = ModelValidator.create(registry).validate(PlatformModel.discover());
        Path root = Path.of(System.getenv().getOrDefault("NAGARE_HOME", ".")).toAbsolutePath();
        FunctionCode code = new DomainPackages(root);

        String connection = contextOr(app, CONNECTION_CONTEXT, null);
        if (connection != null) {
            PipelineSource source = new PipelineSource(connection, contextOr(app, REPOSITORY_CONTEXT, null),
                    contextOr(app, BRANCH_CONTEXT, "main"));
            new DeliveryPipelineStack(app, PIPELINE_STACK, StackProps.builder()
                    .stackName(PIPELINE_STACK)
                    .description("Nagare delivery pipeline: dev, staging, then prod after approval")
                    .env(Environment.builder().account(source.account()).region(PlatformEnvironment.REGION).build())
                    .build(), source, nagareContext(arguments.context()),
                    env -> new PlatformInputs(env, model, registry, code, countries, edgeDomain(app, env)));
            CompliancePacks.apply(app, true);
            app.synth();
            System.out.println("nagare synth: the delivery pipeline (dev, staging, prod) in " + app.getOutdir());
            return;
        }
        PlatformEnvironment environment = arguments.environment() != null ? arguments.environment()
                : PlatformEnvironment.parse(contextOr(app, ENV_CONTEXT, "dev"));
        NagarePlatform.create(app, new PlatformInputs(environment, model, registry, code, countries,
                edgeDomain(app, environment)));
        CompliancePacks.apply(app, true);
        app.synth();
        System.out.println("nagare synth: " + environment.id() + " templates in " + app.getOutdir());
    }

    /** {@code nagare:<env>:certificateArn} and {@code nagare:<env>:domainName}, when given. */
    static PlatformInputs.EdgeDomain edgeDomain(App app, PlatformEnvironment environment) {
        String prefix = "nagare:" + environment.id() + ":";
        return new PlatformInputs.EdgeDomain(contextOr(app, prefix + "certificateArn", null),
                contextOr(app, prefix + "domainName", null));
    }

    private static Map<String, String> nagareContext(Map<String, String> context) {
        Map<String, String> nagare = new TreeMap<>();
        context.forEach((key, value) -> {
            if (key.startsWith("nagare:")) {
                nagare.put(key, value);
            }
        });
        return nagare;
    }

    private static String contextOr(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null ? fallback : value.toString();
    }

    /** {@code --env NAME}, {@code --out DIR} and {@code -c KEY=VALUE}; anything else is refused with the usage. */
    record SynthArguments(PlatformEnvironment environment, String outDirectory, Map<String, String> context) {

        static final String USAGE = "usage: nagare synth [--out DIR] [--env dev|staging|prod] [-c KEY=VALUE ...]";

        static SynthArguments parse(String... args) {
            PlatformEnvironment environment = null;
            String out = null;
            Map<String, String> context = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (arg) {
                    case "--env" -> environment = PlatformEnvironment.parse(require(arg, value));
                    case "--out" -> out = require(arg, value);
                    case "-c", "--context" -> {
                        String pair = require(arg, value);
                        int equals = pair.indexOf('=');
                        if (equals <= 0) {
                            throw new IllegalArgumentException(arg + " takes KEY=VALUE, got '" + pair + "'; "
                                    + USAGE);
                        }
                        context.put(pair.substring(0, equals), pair.substring(equals + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "'; " + USAGE);
                }
                i++;
            }
            return new SynthArguments(environment, out, context);
        }

        private static String require(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value; " + USAGE);
            }
            return value;
        }
    }
}
