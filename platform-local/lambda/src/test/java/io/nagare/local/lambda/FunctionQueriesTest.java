package io.nagare.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.nagare.local.lambda.handlers.GreetingHandler;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.QueueDeclaration;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;

class FunctionQueriesTest {

    private static LocalLambda lambda;

    @BeforeAll
    static void start() {
        lambda = LocalLambda.start(PlatformModel.builder().owner("orders")
                .queue("orders-dlq", QueueDeclaration.Builder::asDeadLetterQueue)
                .function("validate-order", f -> f.handler(GreetingHandler.class).memoryMb(1024).timeoutSeconds(20)
                        .reservedConcurrency(5).deadLetterQueue("orders-dlq"))
                .function("cancel-order", f -> f.handler(GreetingHandler.class))
                .function("confirm-order", f -> f.handler(GreetingHandler.class))
                .build());
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    @Test
    void getFunction_shouldDescribeTheDeclaredFunction_asLambdaShowsItsConfiguration() {
        GetFunctionResponse response = lambda.client.getFunction(b -> b.functionName("validate-order"));

        FunctionConfiguration configuration = response.configuration();
        assertThat(configuration.functionName()).isEqualTo("validate-order");
        assertThat(configuration.functionArn())
                .isEqualTo("arn:aws:lambda:ap-northeast-1:000000000000:function:validate-order");
        assertThat(configuration.runtime()).isEqualTo(Runtime.JAVA21);
        assertThat(configuration.handler()).isEqualTo(GreetingHandler.class.getName());
        assertThat(configuration.memorySize()).isEqualTo(1024);
        assertThat(configuration.timeout()).isEqualTo(20);
        assertThat(configuration.version()).isEqualTo("$LATEST");
        assertThat(configuration.state()).isEqualTo(State.ACTIVE);
        assertThat(configuration.architectures()).containsExactly(Architecture.ARM64);
        assertThat(configuration.deadLetterConfig().targetArn())
                .isEqualTo("arn:aws:sqs:ap-northeast-1:000000000000:orders-dlq");
        assertThat(response.concurrency().reservedConcurrentExecutions()).isEqualTo(5);
        assertThat(lambda.client.getFunctionConfiguration(b -> b.functionName("validate-order")))
                .extracting(r -> r.functionArn(), r -> r.memorySize())
                .containsExactly(configuration.functionArn(), 1024);
    }

    @Test
    void getFunctionConcurrency_shouldAnswerTheReservedConcurrency_orNothingWhenUnreserved() {
        assertThat(lambda.client.getFunctionConcurrency(b -> b.functionName("validate-order"))
                .reservedConcurrentExecutions()).isEqualTo(5);
        assertThat(lambda.client.getFunctionConcurrency(b -> b.functionName("cancel-order"))
                .reservedConcurrentExecutions()).isNull();
    }

    @Test
    void listFunctions_shouldListEveryFunctionByName_aPageAtATime() {
        ListFunctionsResponse first = lambda.client.listFunctions(b -> b.maxItems(2));
        ListFunctionsResponse second = lambda.client.listFunctions(b -> b.maxItems(2).marker(first.nextMarker()));

        assertThat(first.functions()).extracting(FunctionConfiguration::functionName)
                .containsExactly("cancel-order", "confirm-order");
        assertThat(second.functions()).extracting(FunctionConfiguration::functionName)
                .containsExactly("validate-order");
        assertThat(second.nextMarker()).isNull();
        assertThat(lambda.client.listFunctionsPaginator(b -> { }).functions())
                .extracting(FunctionConfiguration::functionName).hasSize(3);
    }

    @Test
    void createFunction_shouldAnswerNotSupported_becauseFunctionsComeFromThePlatformModel() {
        assertThatThrownBy(() -> lambda.client.deleteFunction(b -> b.functionName("cancel-order")))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .startsWith("not supported: Lambda DELETE /2015-03-31/functions/cancel-order;")
                            .contains("come from the platform model");
                });
    }
}
