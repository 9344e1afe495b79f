package io.nagare.local.stepfunctions.internal.asl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * One compiled {@code {% ... %}} expression, evaluated with {@code $states} and the workflow variables bound, plus
 * the functions Step Functions adds to JSONata ($partition, $range, $hash, $random, $uuid, $parse). Failures are
 * {@code States.QueryEvaluationError} naming the expression and the field.
 */
final class JsonataExpression {

    private static final Set<String> HASHES = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private final String text;
    private final Jsonata compiled;

    private JsonataExpression(String text, Jsonata compiled) {
        this.text = text;
        this.compiled = compiled;
    }

    /** Whether a value is a JSONata expression: a string wrapped in {@code {%} and {@code %}}. */
    static boolean isExpression(JsonNode value) {
        return value != null && value.isTextual() && isExpression(value.textValue());
    }

    static boolean isExpression(String text) {
        String trimmed = text.trim();
        return trimmed.startsWith("{%") && trimmed.endsWith("%}") && trimmed.length() >= 4;
    }

    /** Compiles the text inside {@code {% %}}; throws {@link IllegalArgumentException} when JSONata rejects it. */
    static JsonataExpression compile(String wrapped) {
        String trimmed = wrapped.trim();
        String body = trimmed.substring(2, trimmed.length() - 2).trim();
        if (body.isEmpty()) {
            throw new IllegalArgumentException("the JSONata expression is empty");
        }
        Jsonata compiled;
        try {
            compiled = Jsonata.jsonata(body);
        } catch (JException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid JSONata expression '" + body + "': " + e.getMessage());
        }
        compiled.setOutputConvertNulls(false);
        registerStepFunctionsFunctions(compiled, body);
        return new JsonataExpression(body, compiled);
    }

    String text() {
        return text;
    }

    /** The value of the expression; {@code field} names it in errors (e.g. {@code Output/result}). */
    JsonNode evaluate(EvalContext context, String field) {
        Object result;
        try {
            result = evaluateRaw(context);
        } catch (JException | IllegalArgumentException | ClassCastException | IllegalStateException e) {
            throw StatesError.queryEvaluation("The JSONata expression '" + text + "' specified for the field '" + field
                    + "' threw an error during evaluation. " + e.getMessage(), field);
        }
        JsonNode value;
        try {
            value = JsonataValues.toJson(result);
        } catch (IllegalArgumentException e) {
            throw StatesError.queryEvaluation("The JSONata expression '" + text + "' specified for the field '" + field
                    + "' returned an unsupported value: " + e.getMessage(), field);
        }
        if (value == null) {
            throw StatesError.queryEvaluation("The JSONata expression '" + text + "' specified for the field '" + field
                    + "' returned nothing (undefined).", field);
        }
        return value;
    }

    private Object evaluateRaw(EvalContext context) {
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("input", JsonataValues.toJsonata(context.statesInput()));
        states.put("context", JsonataValues.toJsonata(context.contextObject()));
        if (context.statesResult() != null) {
            states.put("result", JsonataValues.toJsonata(context.statesResult()));
        }
        if (context.statesErrorOutput() != null) {
            states.put("errorOutput", JsonataValues.toJsonata(context.statesErrorOutput()));
        }
        // The engine keeps per-evaluation state in the expression object, so one evaluation at a time.
        synchronized (compiled) {
            Jsonata.Frame frame = compiled.createFrame();
            for (Map.Entry<String, JsonNode> variable : context.variables().visible().entrySet()) {
                frame.bind(variable.getKey(), JsonataValues.toJsonata(variable.getValue()));
            }
            frame.bind("states", states);
            return compiled.evaluate(null, frame);
        }
    }

    private static void registerStepFunctionsFunctions(Jsonata compiled, String body) {
        if (body.contains("$partition")) {
            compiled.registerFunction("partition", fn("partition", args -> {
                List<?> list = list(args, 0, "$partition");
                int size = integer(args, 1, "$partition");
                if (size <= 0) {
                    throw new IllegalArgumentException("$partition: the chunk size must be greater than 0");
                }
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < list.size(); i += size) {
                    out.add(new ArrayList<>(list.subList(i, Math.min(list.size(), i + size))));
                }
                return out;
            }));
        }
        if (body.contains("$range")) {
            compiled.registerFunction("range", fn("range", args -> {
                long start = integer(args, 0, "$range");
                long end = integer(args, 1, "$range");
                long step = integer(args, 2, "$range");
                if (step == 0) {
                    throw new IllegalArgumentException("$range: the step must not be 0");
                }
                List<Object> out = new ArrayList<>();
                for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
                    if (out.size() == 1000) {
                        throw new IllegalArgumentException("$range: the range exceeds 1000 items");
                    }
                    out.add(v);
                }
                return out;
            }));
        }
        if (body.contains("$hash")) {
            compiled.registerFunction("hash", fn("hash", args -> {
                Object data = args.isEmpty() ? null : args.get(0);
                String algorithm = args.size() > 1 ? String.valueOf(args.get(1)) : "";
                if (!HASHES.contains(algorithm)) {
                    throw new IllegalArgumentException("$hash: the algorithm must be one of " + HASHES);
                }
                String text = data instanceof String s ? s : Json.write(JsonataValues.toJson(data));
                try {
                    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                            .digest(text.getBytes(StandardCharsets.UTF_8)));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        if (body.contains("$random")) {
            compiled.registerFunction("random", fn("random", args -> args.isEmpty()
                    ? ThreadLocalRandom.current().nextDouble()
                    : new Random(integer(args, 0, "$random")).nextDouble()));
        }
        if (body.contains("$uuid")) {
            compiled.registerFunction("uuid", fn("uuid", args -> UUID.randomUUID().toString()));
        }
        if (body.contains("$parse")) {
            compiled.registerFunction("parse", fn("parse", args -> {
                Object text = args.isEmpty() ? null : args.get(0);
                if (!(text instanceof String s)) {
                    throw new IllegalArgumentException("$parse: the argument must be a string");
                }
                return JsonataValues.toJsonata(Json.parse(s));
            }));
        }
    }

    private static Jsonata.JFunction fn(String name, Jsonata.FnVarArgs<Object> body) {
        return Jsonata.function(name, body, null);
    }

    private static List<?> list(List<?> args, int index, String function) {
        if (args.size() <= index || !(args.get(index) instanceof List<?> list)) {
            throw new IllegalArgumentException(function + ": argument " + (index + 1) + " must be an array");
        }
        return list;
    }

    private static int integer(List<?> args, int index, String function) {
        if (args.size() <= index || !(args.get(index) instanceof Number number)
                || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new IllegalArgumentException(function + ": argument " + (index + 1) + " must be an integer");
        }
        return number.intValue();
    }
}
