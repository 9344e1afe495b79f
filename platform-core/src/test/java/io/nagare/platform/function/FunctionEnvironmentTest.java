package io.nagare.platform.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // scopes are opened for their effect on FunctionEnvironment.current()
class FunctionEnvironmentTest {

    private static final FunctionEnvironment ORDERS = FunctionEnvironment.of(Map.of(
            "AWS_LAMBDA_FUNCTION_NAME", "validate-order", "NAGARE_TABLE_ORDERS", "orders"));

    @Test
    void current_shouldBeTheProcessEnvironment_whenNothingIsBound() {
        assertThat(FunctionEnvironment.current().variables()).isEqualTo(new TreeMap<>(System.getenv()));
    }

    @Test
    void current_shouldBeTheBoundEnvironment_whileItsScopeIsOpen() {
        try (FunctionEnvironment.Scope scope = ORDERS.bind()) {
            assertThat(FunctionEnvironment.current().require("NAGARE_TABLE_ORDERS")).isEqualTo("orders");
        }
        assertThat(FunctionEnvironment.current().variable("NAGARE_TABLE_ORDERS")).isEqualTo(
                Optional.ofNullable(System.getenv("NAGARE_TABLE_ORDERS")));
    }

    @Test
    void bind_shouldRestoreTheOuterEnvironment_whenAnInnerScopeCloses() {
        FunctionEnvironment other = FunctionEnvironment.of(Map.of("AWS_LAMBDA_FUNCTION_NAME", "refund"));
        try (FunctionEnvironment.Scope outer = ORDERS.bind()) {
            try (FunctionEnvironment.Scope inner = other.bind()) {
                assertThat(FunctionEnvironment.current().require("AWS_LAMBDA_FUNCTION_NAME")).isEqualTo("refund");
            }
            assertThat(FunctionEnvironment.current().require("AWS_LAMBDA_FUNCTION_NAME")).isEqualTo("validate-order");
        }
    }

    @Test
    void current_shouldNotLeak_toPooledThreadsStartedWhileBound() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            try (FunctionEnvironment.Scope scope = ORDERS.bind()) {
                pool.submit(() -> { }).get();
            }
            String later = pool.submit(() -> FunctionEnvironment.current().variable("AWS_LAMBDA_FUNCTION_NAME")
                    .orElse("unset")).get();
            assertThat(later).isNotEqualTo("validate-order");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void require_shouldNameTheVariableAndTheFunction_whenTheVariableIsNotSet() {
        assertThatThrownBy(() -> ORDERS.require("NAGARE_BUS_NAGARE"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("environment variable NAGARE_BUS_NAGARE is not set for function 'validate-order'");
    }
}
