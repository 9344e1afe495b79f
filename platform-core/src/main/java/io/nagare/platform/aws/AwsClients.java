package io.nagare.platform.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.nagare.platform.function.FunctionEnvironment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The one factory handlers use to build AWS SDK v2 clients, so they never know where they run.
 *
 * <p>Everything comes from the function's {@link FunctionEnvironment} (never {@code System.getenv}: locally every
 * function has its own environment in one JVM):
 * <ul>
 *   <li>endpoint: {@code AWS_ENDPOINT_URL_<SERVICE>} (e.g. {@code AWS_ENDPOINT_URL_DYNAMODB},
 *       {@code AWS_ENDPOINT_URL_EVENTBRIDGE}, {@code AWS_ENDPOINT_URL_SQS}, {@code AWS_ENDPOINT_URL_SFN}), else
 *       {@code AWS_ENDPOINT_URL}, unless {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true}; none means AWS's own;</li>
 *   <li>region: {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else the SDK's default chain;</li>
 *   <li>credentials: {@code AWS_ACCESS_KEY_ID} + {@code AWS_SECRET_ACCESS_KEY} (+ {@code AWS_SESSION_TOKEN}),
 *       else the SDK's default chain.</li>
 * </ul>
 * Every client shares one url-connection HTTP client (small Lambda jars, fast cold start), or the environment's own
 * ({@link FunctionEnvironment#httpClient()}: locally, an in-process transport to the local runtime), or the one given
 * to {@link #of(FunctionEnvironment, SdkHttpClient)}.
 *
 * <p>Build one per handler, in its constructor, and build its clients there too.
 */
public final class AwsClients implements AutoCloseable {

    /**
     * Builder interfaces whose upper-cased name is not the service's endpoint variable suffix (the service id upper-cased,
     * spaces as underscores); others can be named with {@link #build(String, AwsClientBuilder)}.
     */
    private static final Map<String, String> SERVICE_IDS = Map.ofEntries(
            Map.entry("DynamoDbStreams", "DYNAMODB_STREAMS"),
            Map.entry("CloudWatchLogs", "CLOUDWATCH_LOGS"),
            Map.entry("CloudWatchEvents", "CLOUDWATCH_EVENTS"),
            Map.entry("SecretsManager", "SECRETS_MANAGER"),
            Map.entry("CognitoIdentityProvider", "COGNITO_IDENTITY_PROVIDER"),
            Map.entry("CognitoIdentity", "COGNITO_IDENTITY"),
            Map.entry("ApiGateway", "API_GATEWAY"),
            Map.entry("ElasticLoadBalancingV2", "ELASTIC_LOAD_BALANCING_V2"));

    private final FunctionEnvironment environment;
    private final SdkHttpClient httpClient;
    private final boolean ownsHttpClient;

    private AwsClients(FunctionEnvironment environment, SdkHttpClient httpClient, boolean ownsHttpClient) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        this.ownsHttpClient = ownsHttpClient;
    }

    /** A factory for the current function: {@link FunctionEnvironment#current()}, read now, on this thread. */
    public static AwsClients create() {
        return of(FunctionEnvironment.current());
    }

    /**
     * A factory reading this environment, sending through the environment's HTTP client when it has one
     * ({@link FunctionEnvironment#httpClient()}: locally, the in-process transport), else through a url-connection
     * HTTP client of its own.
     */
    public static AwsClients of(FunctionEnvironment environment) {
        return environment.httpClient().map(client -> new AwsClients(environment, client, false))
                .orElseGet(() -> new AwsClients(environment, UrlConnectionHttpClient.create(), true));
    }

    /** A factory reading this environment and sending through this HTTP client (not closed by {@link #close()}). */
    public static AwsClients of(FunctionEnvironment environment, SdkHttpClient httpClient) {
        return new AwsClients(environment, httpClient, false);
    }

    /**
     * Configures the builder (HTTP client, endpoint, region, credentials) and builds the client; the endpoint variable
     * is derived from the builder's type ({@code SqsClientBuilder} reads {@code AWS_ENDPOINT_URL_SQS}).
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        return build(serviceId(builder), builder);
    }

    /**
     * As {@link #build(AwsClientBuilder)}, with the endpoint variable suffix given: the service id upper-cased, spaces
     * as underscores ({@code DYNAMODB_STREAMS}).
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(String serviceId, B builder) {
        builder.httpClient(httpClient);
        endpoint(serviceId).ifPresent(builder::endpointOverride);
        region().ifPresent(builder::region);
        credentials().ifPresent(c -> builder.credentialsProvider(StaticCredentialsProvider.create(c)));
        return builder.build();
    }

    public DynamoDbClient dynamoDb() {
        return build("DYNAMODB", DynamoDbClient.builder());
    }

    public DynamoDbEnhancedClient dynamoDbEnhanced() {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb()).build();
    }

    public EventBridgeClient eventBridge() {
        return build("EVENTBRIDGE", EventBridgeClient.builder());
    }

    /** The environment the clients are configured from. */
    public FunctionEnvironment environment() {
        return environment;
    }

    /** The endpoint configured for the service (by its variable suffix), or empty for AWS's own. */
    public Optional<URI> endpoint(String serviceId) {
        if (environment.variable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS").map("true"::equalsIgnoreCase).orElse(false)) {
            return Optional.empty();
        }
        String suffix = serviceId.toUpperCase(Locale.ROOT).replace(' ', '_');
        return nonBlank("AWS_ENDPOINT_URL_" + suffix)
                .or(() -> nonBlank("AWS_ENDPOINT_URL"))
                .map(url -> {
                    try {
                        return URI.create(url);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("endpoint URL for " + suffix + " is not a URI: " + url, e);
                    }
                });
    }

    /** The configured region, or empty to leave it to the SDK's default chain. */
    public Optional<Region> region() {
        return nonBlank("AWS_REGION").or(() -> nonBlank("AWS_DEFAULT_REGION")).map(Region::of);
    }

    private Optional<AwsCredentials> credentials() {
        Optional<String> keyId = nonBlank("AWS_ACCESS_KEY_ID");
        Optional<String> secret = nonBlank("AWS_SECRET_ACCESS_KEY");
        if (keyId.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> token = nonBlank("AWS_SESSION_TOKEN");
        return Optional.of(token.<AwsCredentials>map(t -> AwsSessionCredentials.create(keyId.get(), secret.get(), t))
                .orElseGet(() -> AwsBasicCredentials.create(keyId.get(), secret.get())));
    }

    private Optional<String> nonBlank(String name) {
        return environment.variable(name).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** {@code SqsClientBuilder} → {@code SQS}, {@code DynamoDbClientBuilder} → {@code DYNAMODB}. */
    static String serviceId(Object builder) {
        for (Class<?> type = builder.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> candidate : type.getInterfaces()) {
                String name = candidate.getSimpleName();
                if (name.endsWith("ClientBuilder") && !name.endsWith("BaseClientBuilder")
                        && !name.endsWith("AsyncClientBuilder") && candidate.getName().contains(".services.")) {
                    String service = name.substring(0, name.length() - "ClientBuilder".length());
                    return SERVICE_IDS.getOrDefault(service, service.toUpperCase(Locale.ROOT));
                }
            }
        }
        throw new IllegalArgumentException("cannot tell the AWS service of " + builder.getClass().getName()
                + "; use build(serviceId, builder)");
    }

    /** Closes the HTTP client this factory created (not one it was given); close the clients first. */
    @Override
    public void close() {
        if (ownsHttpClient) {
            httpClient.close();
        }
    }
}
