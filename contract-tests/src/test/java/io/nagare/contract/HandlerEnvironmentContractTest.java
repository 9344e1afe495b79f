package io.nagare.contract;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.nagare.platform.function.FunctionEnvironment;
import io.nagare.platform.model.FunctionDeclaration;
import io.nagare.platform.model.Reference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every handler can be built from exactly the environment its declaration yields (declared variables, one
 * {@code NAGARE_*} per resource it declares it uses, Lambda's own), as the CDK app and the local Lambda configure it.
 * A handler whose wiring reads a resource the declaration does not name fails here, not at its first invocation
 * (and on AWS, its IAM policy would lack the grant as well).
 */
class HandlerEnvironmentContractTest {

    static Stream<Arguments> functions() {
        return PlatformModelContractTest.MODEL.functions().stream().map(f -> Arguments.of(f.name(), f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handlerConstructor_shouldFindEveryVariableItReads_whenGivenItsDeclaredEnvironment(
            String name, FunctionDeclaration function) throws Exception {
        String handler = function.handler();
        Class<?> type = Class.forName(handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler);
        try (FunctionEnvironment.Scope scope = FunctionEnvironment.of(environment(function)).bind()) {
            assertThatCode(() -> type.getConstructor().newInstance())
                    .as("function " + function.name() + " (" + type.getName() + ") built from its declared environment "
                            + environment(function).keySet())
                    .doesNotThrowAnyException();
        }
    }

    private static Map<String, String> environment(FunctionDeclaration function) {
        Map<String, String> variables = new TreeMap<>(function.environment());
        function.resourceVariables().forEach((name, reference) -> variables.put(name, identifier(reference)));
        variables.put("AWS_REGION", "ap-northeast-1");
        variables.put("AWS_DEFAULT_REGION", "ap-northeast-1");
        variables.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        variables.put("AWS_ACCESS_KEY_ID", "contract");
        variables.put("AWS_SECRET_ACCESS_KEY", "contract");
        variables.put("AWS_ENDPOINT_URL", "http://localhost:1");
        return variables;
    }

    private static String identifier(Reference reference) {
        return switch (reference.kind()) {
            case TABLE, BUS -> reference.name();
            case QUEUE -> "http://localhost:1/000000000000/" + reference.name();
            case SAGA -> "arn:aws:states:ap-northeast-1:000000000000:stateMachine:" + reference.name();
            case FUNCTION -> "arn:aws:lambda:ap-northeast-1:000000000000:function:" + reference.name();
        };
    }
}
