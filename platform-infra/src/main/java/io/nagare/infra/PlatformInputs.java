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
 */
public record PlatformInputs(PlatformEnvironment environment, PlatformModel model, SchemaRegistry registry,
                             FunctionCode functionCode, List<String> allowedCountries) {

    /** Japan only, the seed's market, unless configured otherwise ({@code -c nagare:allowedCountries=JP,US}). */
    public static final List<String> DEFAULT_ALLOWED_COUNTRIES = List.of("JP");

    public PlatformInputs {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(functionCode, "functionCode");
        allowedCountries = List.copyOf(allowedCountries);
    }
}
