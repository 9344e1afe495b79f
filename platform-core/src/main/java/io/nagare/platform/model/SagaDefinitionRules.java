package io.nagare.platform.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.nagare.schemas.SchemaJson;

/**
 * A saga's ASL file exists, is a state machine, and agrees with its declaration: every {@code ${placeholder}} has
 * a substitution and every substitution is used; an EXPRESS saga uses no integration EXPRESS cannot run.
 */
final class SagaDefinitionRules {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private SagaDefinitionRules() {
    }

    static void check(PlatformModel model, ClassLoader definitions, Problems problems) {
        for (SagaDeclaration saga : model.sagas()) {
            String text = read(saga, definitions, problems);
            if (text != null) {
                check(saga, text, problems);
            }
        }
    }

    private static String read(SagaDeclaration saga, ClassLoader definitions, Problems problems) {
        String path = saga.definition().startsWith("/") ? saga.definition().substring(1) : saga.definition();
        try (InputStream in = definitions.getResourceAsStream(path)) {
            if (in == null) {
                problems.add(SagaDeclaration.KIND, saga.name(), "definition", "'" + saga.definition() + "' is not on"
                        + " the classpath; package the ASL file as a resource of the module declaring the saga");
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(SagaDeclaration.KIND, saga.name(), "definition", "'" + saga.definition()
                    + "' cannot be read: " + e.getMessage());
            return null;
        }
    }

    private static void check(SagaDeclaration saga, String text, Problems problems) {
        String kind = SagaDeclaration.KIND;
        JsonNode asl;
        try {
            asl = SchemaJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(kind, saga.name(), "definition", "'" + saga.definition() + "' is not valid JSON: "
                    + e.getOriginalMessage());
            return;
        }
        if (asl == null || !asl.path("StartAt").isTextual() || !asl.path("States").isObject()) {
            problems.add(kind, saga.name(), "definition", "'" + saga.definition() + "' is not an Amazon States"
                    + " Language state machine: it needs StartAt and States");
            return;
        }
        Set<String> used = new TreeSet<>();
        Matcher placeholders = PLACEHOLDER.matcher(text);
        while (placeholders.find()) {
            used.add(placeholders.group(1));
        }
        for (String placeholder : used) {
            if (!saga.substitutions().containsKey(placeholder)) {
                problems.add(kind, saga.name(), "substitutions", "define no value for ${" + placeholder + "}, which '"
                        + saga.definition() + "' uses; substitutions: "
                        + Problems.listing(saga.substitutions().keySet()));
            }
        }
        for (String placeholder : saga.substitutions().keySet()) {
            if (!used.contains(placeholder)) {
                problems.add(kind, saga.name(), "substitution '" + placeholder + "'", "is not used by '"
                        + saga.definition() + "'; placeholders there: " + Problems.listing(used));
            }
        }
        if (saga.type() == SagaDeclaration.Type.EXPRESS) {
            expressOnly(saga, asl.get("States"), problems);
        }
    }

    /** EXPRESS workflows cannot wait: no {@code .sync} and no {@code .waitForTaskToken}, at any depth. */
    private static void expressOnly(SagaDeclaration saga, JsonNode states, Problems problems) {
        for (Map.Entry<String, JsonNode> state : states.properties()) {
            String resource = state.getValue().path("Resource").asText("");
            if (resource.endsWith(".waitForTaskToken") || resource.contains(".sync")) {
                problems.add(SagaDeclaration.KIND, saga.name(), "type", "EXPRESS cannot run state '" + state.getKey()
                        + "' (" + resource + "): Express workflows support neither .sync nor .waitForTaskToken;"
                        + " declare the saga STANDARD");
            }
            for (JsonNode branch : state.getValue().path("Branches")) {
                expressOnly(saga, branch.path("States"), problems);
            }
            expressOnly(saga, state.getValue().path("Iterator").path("States"), problems);
            expressOnly(saga, state.getValue().path("ItemProcessor").path("States"), problems);
        }
    }
}
