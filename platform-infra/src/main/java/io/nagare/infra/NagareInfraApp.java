package io.nagare.infra;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.nagare.infra.compliance.CompliancePacks;
import io.nagare.infra.compute.DomainPackages;
import io.nagare.platform.model.ModelValidator;
import io.nagare.platform.model.PlatformModel;
import io.nagare.schemas.SchemaRegistry;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * The CDK app: {@code java io.nagare.infra.NagareInfraApp [--env dev|staging|prod] [--out DIR]} (or {@code ./nagare
 * synth}) writes the CloudFormation templates of one environment, offline. The environment can also come from CDK
 * context ({@code cdk synth -c env=prod}); the model is the one on the classpath, validated first.
 */
public final class NagareInfraApp {

    /** The CDK context key naming the environment. */
    public static final String ENV_CONTEXT = "env";
    /** The CDK context key listing the countries the web firewalls allow, comma-separated. */
    public static final String COUNTRIES_CONTEXT = "nagare:allowedCountries";

    private NagareInfraApp() {
    }

    public static void main(String[] args) {
        SynthArguments arguments = SynthArguments.parse(args);
        AppProps.Builder appProps = AppProps.builder();
        if (arguments.outDirectory() != null) {
            appProps.outdir(arguments.outDirectory());
        }
        App app = new App(appProps.build());
        PlatformEnvironment environment = arguments.environment() != null ? arguments.environment()
                : PlatformEnvironment.parse(contextOr(app, ENV_CONTEXT, "dev"));
        List<String> countries = Arrays.asList(contextOr(app, COUNTRIES_CONTEXT,
                String.join(",", PlatformInputs.DEFAULT_ALLOWED_COUNTRIES)).split(","));

        SchemaRegistry registry = SchemaRegistry.fromClasspath();
        PlatformModel model = ModelValidator.create(registry).validate(PlatformModel.discover());
        Path root = Path.of(System.getenv().getOrDefault("NAGARE_HOME", ".")).toAbsolutePath();
        NagarePlatform.create(app, new PlatformInputs(environment, model, registry, new DomainPackages(root),
                countries));
        CompliancePacks.apply(app, true);
        app.synth();
        System.out.println("nagare synth: " + environment.id() + " templates in " + app.getOutdir());
    }

    private static String contextOr(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null ? fallback : value.toString();
    }

    /** {@code --env NAME} and {@code --out DIR}; anything else is refused with the usage. */
    record SynthArguments(PlatformEnvironment environment, String outDirectory) {

        static final String USAGE = "usage: nagare synth [--out DIR] [--env dev|staging|prod]";

        static SynthArguments parse(String... args) {
            PlatformEnvironment environment = null;
            String out = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (arg) {
                    case "--env" -> environment = PlatformEnvironment.parse(require(arg, value));
                    case "--out" -> out = require(arg, value);
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "'; " + USAGE);
                }
                i++;
            }
            return new SynthArguments(environment, out);
        }

        private static String require(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value; " + USAGE);
            }
            return value;
        }
    }
}
