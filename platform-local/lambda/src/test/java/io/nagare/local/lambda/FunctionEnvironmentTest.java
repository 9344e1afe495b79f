package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.lambda.handlers.EnvironmentHandler;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;

class FunctionEnvironmentTest {

    private static final String ASK = "[\"NAGARE_TABLE_ORDERS\", \"NAGARE_QUEUE_PAYMENTS_FIFO\", \"NAGARE_BUS_NAGARE\","
            + " \"NAGARE_SAGA_ORDER_FULFILMENT\", \"CURRENCY\", \"AWS_REGION\", \"AWS_DEFAULT_REGION\","
            + " \"AWS_LAMBDA_FUNCTION_NAME\", \"AWS_LAMBDA_FUNCTION_MEMORY_SIZE\", \"AWS_LAMBDA_FUNCTION_VERSION\","
            + " \"AWS_LAMBDA_LOG_GROUP_NAME\", \"AWS_EXECUTION_ENV\", \"_HANDLER\", \"AWS_ENDPOINT_URL\"]";

    private static LocalLambda lambda;

    @BeforeAll
    static void start() {
        lambda = LocalLambda.start(PlatformModel.builder().owner("orders")
                .queue("payments.fifo", q -> q.fifo().deadLetterQueue("payments-dlq.fifo"))
                .queue("payments-dlq.fifo", QueueDeclaration.Builder::asDeadLetterQueue)
                .function("validate-order", f -> f.handler(EnvironmentHandler.class)
                        .memoryMb(1024).timeoutSeconds(20)
                        .environment("CURRENCY", "JPY")
                        .readsAndWrites("orders")
                        .sendsTo("payments.fifo")
                        .publishes("nagare", "OrderConfirmed")
                        .starts("order-fulfilment"))
                .function("report", f -> f.handler(EnvironmentHandler.class))
                .build());
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    @Test
    void handler_shouldSeeItsOwnDeclaredAndResourceVariables_whenItReadsFunctionEnvironment() throws Exception {
        JsonNode seen = invoke("validate-order");

        assertThat(seen.path("NAGARE_TABLE_ORDERS").asText()).isEqualTo("orders");
        assertThat(seen.path("NAGARE_QUEUE_PAYMENTS_FIFO").asText())
                .isEqualTo(lambda.runtime.endpointUrl() + "/000000000000/payments.fifo");
        assertThat(seen.path("NAGARE_BUS_NAGARE").asText()).isEqualTo("nagare");
        assertThat(seen.path("NAGARE_SAGA_ORDER_FULFILMENT").asText())
                .isEqualTo("arn:aws:states:ap-northeast-1:000000000000:stateMachine:order-fulfilment");
        assertThat(seen.path("CURRENCY").asText()).isEqualTo("JPY");
        assertThat(seen.path("tableAtConstruction").asText()).isEqualTo("orders");
    }

    @Test
    void handler_shouldSeeLambdasReservedVariables_whenItReadsFunctionEnvironment() throws Exception {
        JsonNode seen = invoke("validate-order");

        assertThat(seen.path("AWS_REGION").asText()).isEqualTo("ap-northeast-1");
        assertThat(seen.path("AWS_DEFAULT_REGION").asText()).isEqualTo("ap-northeast-1");
        assertThat(seen.path("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("validate-order");
        assertThat(seen.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("1024");
        assertThat(seen.path("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
        assertThat(seen.path("AWS_LAMBDA_LOG_GROUP_NAME").asText()).isEqualTo("/aws/lambda/validate-order");
        assertThat(seen.path("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_java21");
        assertThat(seen.path("_HANDLER").asText()).isEqualTo(EnvironmentHandler.class.getName());
        assertThat(seen.path("AWS_ENDPOINT_URL").asText()).isEqualTo(lambda.runtime.endpointUrl());
    }

    @Test
    void handler_shouldNotSeeAnotherFunctionsVariables_whenBothRunInOneJvm() throws Exception {
        JsonNode seen = invoke("report");

        assertThat(seen.path("NAGARE_TABLE_ORDERS").asText()).isEqualTo("<unset>");
        assertThat(seen.path("CURRENCY").asText()).isEqualTo("<unset>");
        assertThat(seen.path("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("report");
        assertThat(System.getenv("AWS_LAMBDA_FUNCTION_NAME")).isNull();
    }

    @Test
    void context_shouldDescribeTheFunctionAndTheInvocation_whenTheHandlerRuns() throws Exception {
        JsonNode seen = invoke("validate-order");

        assertThat(seen.path("context.functionName").asText()).isEqualTo("validate-order");
        assertThat(seen.path("context.invokedFunctionArn").asText())
                .isEqualTo("arn:aws:lambda:ap-northeast-1:000000000000:function:validate-order");
        assertThat(seen.path("context.functionVersion").asText()).isEqualTo("$LATEST");
        assertThat(seen.path("context.memoryLimitInMB").asInt()).isEqualTo(1024);
        assertThat(seen.path("context.remainingTimeInMillis").asInt()).isEqualTo(20_000);
        assertThat(seen.path("context.logGroupName").asText()).isEqualTo("/aws/lambda/validate-order");
        assertThat(seen.path("context.logStreamName").asText()).matches("2026/03/02/\\[\\$LATEST][0-9a-f]{32}");
        assertThat(seen.path("context.awsRequestId").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void getFunction_shouldShowTheConfiguredVariables_butNotLambdasReservedOnes() {
        var configuration = lambda.client.getFunction(b -> b.functionName("validate-order")).configuration();

        assertThat(configuration.environment().variables())
                .containsEntry("NAGARE_TABLE_ORDERS", "orders")
                .containsEntry("CURRENCY", "JPY")
                .doesNotContainKeys("AWS_REGION", "AWS_ENDPOINT_URL");
    }

    private static JsonNode invoke(String function) throws Exception {
        return Jsons.parse(lambda.invoke(function, ASK).payload().asByteArray());
    }
}
