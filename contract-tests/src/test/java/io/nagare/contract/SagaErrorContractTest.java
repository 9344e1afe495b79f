package io.nagare.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nagare.platform.model.FunctionDeclaration;
import io.nagare.platform.model.PlatformModel;
import io.nagare.platform.model.Reference;
import io.nagare.platform.model.SagaDeclaration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error name a saga catches or retries on is a real exception: Step Functions matches a Java Lambda's error by
 * the exception's full class name, so a misspelt or moved class makes a Catch silently dead. Names other than
 * {@code States.*} and {@code Lambda.*} must be Throwable classes of the modules of the saga's own functions, or of
 * platform-core (which those functions use).
 */
class SagaErrorContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> sagas() {
        return PlatformModelContractTest.MODEL.sagas().stream().map(s -> Arguments.of(s.name(), s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sagas")
    void errorEquals_shouldNameExceptionClassesOfTheSagasFunctions_whenCaughtOrRetried(String name, SagaDeclaration saga)
            throws Exception {
        Set<String> errors = new TreeSet<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(saga.definition())) {
            assertThat(in).as("definition " + saga.definition() + " on the class path").isNotNull();
            collectErrors(JSON.readTree(in).path("States"), errors);
        }
        Set<URL> modules = functionModules(saga, PlatformModelContractTest.MODEL);
        modules.add(location(io.nagare.platform.model.PlatformModel.class));

        List<String> problems = new ArrayList<>();
        for (String error : errors) {
            if (error.startsWith("States.") || error.startsWith("Lambda.")) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(error, false, getClass().getClassLoader());
            } catch (ClassNotFoundException e) {
                problems.add(error + ": no such class on the class path");
                continue;
            }
            if (!Throwable.class.isAssignableFrom(type)) {
                problems.add(error + ": not a Throwable");
            } else if (!modules.contains(location(type))) {
                problems.add(error + ": lives in " + location(type) + ", not in a module of the saga's functions "
                        + modules);
            }
        }
        assertThat(problems).as("saga " + saga.name() + " error names (" + errors + ")").isEmpty();
    }

    private static Set<URL> functionModules(SagaDeclaration saga, PlatformModel model) throws ClassNotFoundException {
        Set<URL> modules = new HashSet<>();
        for (Reference reference : saga.substitutions().values()) {
            if (reference.kind() != Reference.Kind.FUNCTION) {
                continue;
            }
            // An undeclared function is the model validator's finding (PlatformModelContractTest).
            FunctionDeclaration function = model.functions().stream()
                    .filter(f -> f.name().equals(reference.name())).findFirst().orElse(null);
            if (function == null) {
                continue;
            }
            String handler = function.handler();
            String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            modules.add(location(Class.forName(className, false, SagaErrorContractTest.class.getClassLoader())));
        }
        return modules;
    }

    private static URL location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }

    /** ErrorEquals of every Catch and Retry, at any depth (Parallel branches, Map iterators). */
    private static void collectErrors(JsonNode states, Set<String> errors) {
        states.forEach(state -> {
            for (String field : List.of("Catch", "Retry")) {
                state.path(field).forEach(rule -> rule.path("ErrorEquals").forEach(e -> errors.add(e.asText())));
            }
            state.path("Branches").forEach(branch -> collectErrors(branch.path("States"), errors));
            collectErrors(state.path("Iterator").path("States"), errors);
            collectErrors(state.path("ItemProcessor").path("States"), errors);
        });
    }
}
