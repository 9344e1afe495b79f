package io.nagare.platform.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nagare.platform.model.FunctionDeclaration.AsyncDestination;
import org.junit.jupiter.api.Test;

class FunctionDeclarationTest {

    @Test
    void builder_shouldApplyLambdasAsyncDefaults_whenNothingIsDeclared() {
        FunctionDeclaration function = FunctionDeclaration.builder("f").owner("o").handler("a.B").build();

        assertThat(function.maximumEventAgeSeconds()).isEqualTo(21_600);
        assertThat(function.asyncRetryAttempts()).isEqualTo(2);
        assertThat(function.onSuccess()).isNull();
        assertThat(function.onFailure()).isNull();
    }

    @Test
    void toBuilder_shouldKeepTheAsyncInvocationConfig_whenRebuilt() {
        FunctionDeclaration function = FunctionDeclaration.builder("f").owner("o").handler("a.B")
                .maximumEventAgeSeconds(120).asyncRetryAttempts(1)
                .onSuccess(AsyncDestination.bus("nagare")).onFailure(AsyncDestination.queue("failures"))
                .build();

        FunctionDeclaration rebuilt = function.toBuilder().build();

        assertThat(rebuilt).isEqualTo(function);
        assertThat(rebuilt.onSuccess()).isEqualTo(new AsyncDestination(AsyncDestination.Kind.BUS, "nagare"));
        assertThat(rebuilt.onFailure().toString()).isEqualTo("queue 'failures'");
    }

    @Test
    void constructor_shouldDefaultTheAsyncInvocationConfig_whenCalledTheOldWay() {
        FunctionDeclaration function = new FunctionDeclaration("f", "o", "a.B", 512, 30, Map.of(), Map.of(),
                Map.of(), Set.of(), List.of(), Map.of(), null, null, 2);

        assertThat(function.maximumEventAgeSeconds()).isEqualTo(21_600);
        assertThat(function.onFailure()).isNull();
        assertThat(function.streamSources()).isEmpty();
    }

    @Test
    void asyncDestination_shouldFailNamingWhatIsMissing_whenTheNameIsBlank() {
        assertThatThrownBy(() -> AsyncDestination.queue(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an asynchronous invocation destination needs a kind and a name; got QUEUE ' '");
    }
}
