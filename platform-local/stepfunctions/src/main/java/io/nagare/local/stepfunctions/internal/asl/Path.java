package io.nagare.local.stepfunctions.internal.asl;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * A compiled JSONPath as ASL uses it: on the state's data ({@code $.a.b}), on the context object
 * ({@code $$.Execution.Id}) or on a workflow variable ({@code $order.id}). Paths of names and indexes only are read
 * by a precompiled walk; the others (wildcards, filters, slices, functions) by Jayway JsonPath, and always yield an
 * array of their matches.
 */
public final class Path {

    private static final Configuration JAYWAY = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();

    enum Root { DATA, CONTEXT, VARIABLE }

    private final String text;
    private final Root root;
    private final String variable;
    private final Object[] steps;
    private final JsonPath general;

    private Path(String text, Root root, String variable, Object[] steps, JsonPath general) {
        this.text = text;
        this.root = root;
        this.variable = variable;
        this.steps = steps;
        this.general = general;
    }

    /** Whether the text is meant as a path (starts with {@code $}). */
    public static boolean looksLikePath(String text) {
        return text.startsWith("$");
    }

    /** Compiles a path; throws {@link IllegalArgumentException} with the reason when it is not one. */
    public static Path compile(String text) {
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("a path must start with '$'");
        }
        Root root;
        String variable = null;
        String rest;
        if (text.startsWith("$$")) {
            root = Root.CONTEXT;
            rest = text.substring(2);
        } else if (text.length() > 1 && isIdentifierStart(text.charAt(1))) {
            root = Root.VARIABLE;
            int end = 1;
            while (end < text.length() && isIdentifierPart(text.charAt(end))) {
                end++;
            }
            variable = text.substring(1, end);
            rest = text.substring(end);
        } else {
            root = Root.DATA;
            rest = text.substring(1);
        }
        Object[] steps = simpleSteps(rest);
        JsonPath general = null;
        if (steps == null) {
            try {
                general = JsonPath.compile("$" + rest);
            } catch (InvalidPathException | IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        return new Path(text, root, variable, steps, general);
    }

    public String text() {
        return text;
    }

    /** Whether the path names one node (names and indexes only), so it can also be written to. */
    public boolean definite() {
        return steps != null;
    }

    public boolean isRoot() {
        return root == Root.DATA && steps != null && steps.length == 0;
    }

    boolean onContext() {
        return root == Root.CONTEXT;
    }

    String variable() {
        return variable;
    }

    Object[] steps() {
        return steps;
    }

    /**
     * The value the path selects in {@code document} (or the context object, or the variable), or null when a
     * definite path selects nothing. Indefinite paths yield an array of matches, possibly empty.
     */
    public JsonNode read(JsonNode document, EvalContext context) {
        JsonNode start = switch (root) {
            case DATA -> document;
            case CONTEXT -> context.contextObject();
            case VARIABLE -> context.variables().get(variable);
        };
        if (start == null) {
            return null;
        }
        if (steps != null) {
            JsonNode node = start;
            for (Object step : steps) {
                node = step instanceof String name ? node.get(name)
                        : node.isArray() ? node.get((Integer) step) : null;
                if (node == null) {
                    return null;
                }
            }
            return node;
        }
        try {
            return general.read(start, JAYWAY);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The root the path reads, for messages: the document, the context object or the variable. */
    public JsonNode rootValue(JsonNode document, EvalContext context) {
        return switch (root) {
            case DATA -> document;
            case CONTEXT -> context.contextObject();
            case VARIABLE -> context.variables().get(variable);
        };
    }

    @Override
    public String toString() {
        return text;
    }

    /** Names and indexes after the root, or null when the path needs the general evaluator. */
    private static Object[] simpleSteps(String rest) {
        List<Object> steps = new ArrayList<>();
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < rest.length() && rest.charAt(i) != '.' && rest.charAt(i) != '[') {
                    i++;
                }
                String name = rest.substring(start, i);
                if (name.isEmpty() || name.equals("*") || name.endsWith(")")) {
                    return null;
                }
                steps.add(name);
            } else if (c == '[') {
                int close = rest.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("missing ']' in path");
                }
                String inside = rest.substring(i + 1, close).trim();
                if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
                        && inside.charAt(inside.length() - 1) == inside.charAt(0)
                        && inside.indexOf(inside.charAt(0), 1) == inside.length() - 1) {
                    steps.add(inside.substring(1, inside.length() - 1));
                } else if (!inside.isEmpty() && inside.chars().allMatch(Character::isDigit)) {
                    steps.add(Integer.parseInt(inside));
                } else {
                    return null;
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at position " + i);
            }
        }
        return steps.toArray();
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
