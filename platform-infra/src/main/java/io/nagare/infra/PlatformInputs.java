package io.nagare.infra;

import java.util.List;
import java.util.Objects;

import io.nagare.infra.compute.FunctionCode;
import io.nagare.platform.model.PlatformModel;
import io.nagare.schemas.SchemaRegistry;

/**
 * Everything the CDK app is built from.
 *
 * @param environment      dev, staging or prod
 * @param model            the platform model (validated)
 * @param registry         the event schemas
 * @param functionCode     where each function's deployment package is
 * @param allowedCountries countries the web firewalls let requests come from
 * @param edgeDomain       the distribution's certificate and domain, when known at synth time
 */
public record PlatformInputs(PlatformEnvironment environment, PlatformModel model, SchemaRegistry registry,
                             FunctionCode functionCode, List<String> allowedCountries, EdgeDomain edgeDomain) {

    /** Japan only, the seed's market, unless configured otherwise ({@code -c nagare:allowedCountries=JP,US}). */
    public static final List<String> DEFAULT_ALLOWED_COUNTRIES = List.of("JP");

    public PlatformInputs {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(functionCode, "functionCode");
        allowedCountries = List.copyOf(allowedCountries);
        Objects.requireNonNull(edgeDomain, "edgeDomain");
    }

    /** Inputs whose edge certificate and domain are left to the deployment's stack parameters. */
    public PlatformInputs(PlatformEnvironment environment, PlatformModel model, SchemaRegistry registry,
                          FunctionCode functionCode, List<String> allowedCountries) {
        this(environment, model, registry, functionCode, allowedCountries, EdgeDomain.AT_DEPLOYMENT);
    }

    /**
     * The ACM certificate (us-east-1) and domain name of an environment's distribution: the defaults of the edge
     * stack's parameters; {@code null} leaves a parameter to be given at deployment.
     *
     * @param certificateArn the certificate's ARN
     * @param domainName     the domain it covers
     */
    public record EdgeDomain(String certificateArn, String domainName) {

        public static final EdgeDomain AT_DEPLOYMENT = new EdgeDomain(null, null);
    }
}
