package io.nagare.infra.api;

import java.util.List;
import java.util.Map;

import io.nagare.infra.PlatformEnvironment;
import io.nagare.infra.compliance.NagAcknowledgement;
import io.nagare.platform.model.ApiRouteDeclaration;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.Reference;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The partner HTTP API (seed sections 2.2, 3.2): every route of the model, each behind a Cognito JWT authorizer that
 * checks the route's scopes (public routes excepted), a stage throttled per the seed's rate limiting, and access logs
 * of every request. Its clients are the user pool's app clients: the JWT's {@code client_id} must be one of them.
 */
public final class ApiStack extends Stack {

    static final int RATE_LIMIT = 500;
    static final int BURST_LIMIT = 1_000;

    private final HttpApi api;

    public ApiStack(Construct scope, String id, StackProps props, PlatformEnvironment environment, PlatformModel model,
                    IUserPool userPool, List<String> audiences, Map<String, ? extends IFunction> functions,
                    IKey logsKey) {
        super(scope, id, props);
        api = HttpApi.Builder.create(this, "PartnerApi")
                .apiName("nagare-" + environment.id() + "-partner-api")
                .description("Nagare partner API")
                .createDefaultStage(false)
                .build();
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(environment.logRetention())
                .encryptionKey(logsKey)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(RATE_LIMIT).burstLimit(BURST_LIMIT).build())
                .detailedMetricsEnabled(true)
                .accessLogSettings(new JsonAccessLogs(new LogGroupLogDestination(accessLogs)))
                .build();

        String issuer = "https://cognito-idp." + PlatformEnvironment.REGION + ".amazonaws.com/"
                + userPool.getUserPoolId();
        HttpJwtAuthorizer authorizer = HttpJwtAuthorizer.Builder.create("PartnerJwt", issuer)
                .jwtAudience(audiences.isEmpty() ? List.of("none") : audiences)
                .build();
        for (ApiRouteDeclaration route : model.routes()) {
            if (route.target().kind() != Reference.Kind.FUNCTION) {
                throw new IllegalStateException("not supported: route " + route.key() + " targets "
                        + route.target() + "; API routes serve functions");
            }
            AddRoutesOptions.Builder options = AddRoutesOptions.builder()
                    .path(route.path())
                    .methods(List.of(HttpMethod.valueOf(route.method())))
                    .integration(new HttpLambdaIntegration("Route-" + route.key(),
                            functions.get(route.target().name())));
            if (route.publicRoute()) {
                options.authorizer(new HttpNoneAuthorizer());
            } else {
                options.authorizer(authorizer).authorizationScopes(List.copyOf(route.scopes()));
            }
            api.addRoutes(options.build());
            if (route.publicRoute()) {
                NagAcknowledgement.of(api, "Route " + route.key() + " is declared public in the model: it serves "
                        + "what a caller needs before it has a token.", "AwsSolutions-APIG4");
            }
        }
    }

    public HttpApi api() {
        return api;
    }

    /** Access logs as JSON, one line per request with the caller and the outcome. */
    private static final class JsonAccessLogs implements IAccessLogSettings {

        private final IAccessLogDestination logGroup;

        JsonAccessLogs(IAccessLogDestination logGroup) {
            this.logGroup = logGroup;
        }

        @Override
        public IAccessLogDestination getDestination() {
            return logGroup;
        }

        @Override
        public AccessLogFormat getFormat() {
            return AccessLogFormat.jsonWithStandardFields();
        }
    }
}
