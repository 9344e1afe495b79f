package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import io.nagare.local.runtime.LocalRuntime;
import io.nagare.local.runtime.LocalServiceFactory;
import io.nagare.local.runtime.ManualClock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

class LambdaServiceFactoryTest {

    @Test
    void serviceLoader_shouldFindTheLambdaService_whenTheModuleIsOnTheClasspath() {
        assertThat(ServiceLoader.load(LocalServiceFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(LambdaServiceFactory.class);
    }

    @Test
    void create_shouldDeployTheFunctionsOfTheDiscoveredModel_whenNoModelIsGiven() {
        try (LocalRuntime runtime = LocalRuntime.builder().port(0).discoverServices(false)
                .clock(new ManualClock(LocalLambda.START))
                .service(new LambdaServiceFactory().withLogSink(FunctionLogSink.discard())).start();
             LambdaClient client = LambdaClient.builder().endpointOverride(URI.create(runtime.endpointUrl()))
                     .region(Region.AP_NORTHEAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                     .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {

            assertThat(client.getFunction(b -> b.functionName("greet-discovered")).configuration().environment()
                    .variables()).containsEntry("GREETING", "konnichiwa");
            assertThat(client.invoke(b -> b.functionName("greet-discovered")
                    .payload(SdkBytes.fromUtf8String("{\"name\": \"Kai\", \"times\": 1}"))).payload().asUtf8String())
                    .contains("\"message\":\"hello Kai\"");
            assertThat(runtime.health()).containsEntry("lambda", true);
        }
    }
}
