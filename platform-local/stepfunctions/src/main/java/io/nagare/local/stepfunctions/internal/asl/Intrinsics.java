package io.nagare.local.stepfunctions.internal.asl;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/** The intrinsic functions of ASL's JSONPath mode; failures are {@code States.IntrinsicFailure}. */
final class Intrinsics {

    private static final Set<String> NAMES = Set.of("States.Format", "States.StringToJson", "States.JsonToString",
            "States.Array", "States.ArrayPartition", "States.ArrayContains", "States.ArrayRange",
            "States.ArrayGetItem", "States.ArrayLength", "States.ArrayUnique", "States.Base64Encode",
            "States.Base64Decode", "States.Hash", "States.JsonMerge", "States.MathRandom", "States.MathAdd",
            "States.StringSplit", "States.UUID");
    private static final Map<String, String> HASHES = Map.of("MD5", "MD5", "SHA-1", "SHA-1", "SHA-256", "SHA-256",
            "SHA-384", "SHA-384", "SHA-512", "SHA-512");
    private static final int MAX_RANGE = 1000;
    private static final int MAX_BASE64_INPUT = 10_000;

    private Intrinsics() {
    }

    static boolean exists(String name) {
        return NAMES.contains(name);
    }

    static JsonNode apply(String name, List<JsonNode> args) {
        return switch (name) {
            case "States.Format" -> format(args);
            case "States.StringToJson" -> {
                arity(name, args, 1);
                try {
                    yield Json.parse(string(name, args, 0));
                } catch (IllegalArgumentException e) {
                    throw failure(name, "the argument is not valid JSON: " + e.getMessage());
                }
            }
            case "States.JsonToString" -> {
                arity(name, args, 1);
                yield Json.NODES.textNode(Json.write(args.get(0)));
            }
            case "States.Array" -> {
                ArrayNode array = Json.array();
                array.addAll(args);
                yield array;
            }
            case "States.ArrayPartition" -> partition(name, args);
            case "States.ArrayContains" -> {
                arity(name, args, 2);
                ArrayNode array = array(name, args, 0);
                boolean found = false;
                for (JsonNode item : array) {
                    found |= item.equals(args.get(1));
                }
                yield Json.NODES.booleanNode(found);
            }
            case "States.ArrayRange" -> range(name, args);
            case "States.ArrayGetItem" -> {
                arity(name, args, 2);
                ArrayNode array = array(name, args, 0);
                int index = integer(name, args, 1);
                if (index < 0 || index >= array.size()) {
                    throw failure(name, "the index " + index + " is out of bounds for an array of length "
                            + array.size());
                }
                yield array.get(index);
            }
            case "States.ArrayLength" -> {
                arity(name, args, 1);
                yield Json.NODES.numberNode(array(name, args, 0).size());
            }
            case "States.ArrayUnique" -> {
                arity(name, args, 1);
                Set<JsonNode> unique = new LinkedHashSet<>();
                array(name, args, 0).forEach(unique::add);
                ArrayNode out = Json.array();
                out.addAll(unique);
                yield out;
            }
            case "States.Base64Encode" -> {
                arity(name, args, 1);
                String text = string(name, args, 0);
                if (text.length() > MAX_BASE64_INPUT) {
                    throw failure(name, "the input exceeds " + MAX_BASE64_INPUT + " characters");
                }
                yield Json.NODES.textNode(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
            }
            case "States.Base64Decode" -> {
                arity(name, args, 1);
                String text = string(name, args, 0);
                if (text.length() > MAX_BASE64_INPUT) {
                    throw failure(name, "the input exceeds " + MAX_BASE64_INPUT + " characters");
                }
                try {
                    yield Json.NODES.textNode(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw failure(name, "the input is not Base64: " + e.getMessage());
                }
            }
            case "States.Hash" -> hash(name, args);
            case "States.JsonMerge" -> merge(name, args);
            case "States.MathRandom" -> random(name, args);
            case "States.MathAdd" -> {
                arity(name, args, 2);
                yield Json.number(number(name, args, 0).add(number(name, args, 1)));
            }
            case "States.StringSplit" -> {
                arity(name, args, 2);
                StringTokenizer tokens = new StringTokenizer(string(name, args, 0), string(name, args, 1));
                ArrayNode out = Json.array();
                while (tokens.hasMoreTokens()) {
                    out.add(tokens.nextToken());
                }
                yield out;
            }
            case "States.UUID" -> {
                arity(name, args, 0);
                yield Json.NODES.textNode(UUID.randomUUID().toString());
            }
            default -> throw failure(name, "unknown intrinsic function");
        };
    }

    private static JsonNode format(List<JsonNode> args) {
        String name = "States.Format";
        if (args.isEmpty()) {
            throw failure(name, "expects a format string");
        }
        String template = string(name, args, 0);
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()
                    && (template.charAt(i + 1) == '{' || template.charAt(i + 1) == '}')) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw failure(name, "the format string has more placeholders than arguments");
                }
                JsonNode arg = args.get(next++);
                if (arg.isContainerNode()) {
                    throw failure(name, "arguments must be strings, numbers, booleans or null, got " + Json.typeName(arg));
                }
                out.append(arg.isTextual() ? arg.textValue() : Json.write(arg));
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw failure(name, "the format string has fewer placeholders than arguments");
        }
        return Json.NODES.textNode(out.toString());
    }

    private static JsonNode partition(String name, List<JsonNode> args) {
        arity(name, args, 2);
        ArrayNode array = array(name, args, 0);
        int size = integer(name, args, 1);
        if (size <= 0) {
            throw failure(name, "the chunk size must be greater than 0, got " + size);
        }
        ArrayNode out = Json.array();
        ArrayNode chunk = null;
        for (JsonNode item : array) {
            if (chunk == null || chunk.size() == size) {
                chunk = out.addArray();
            }
            chunk.add(item);
        }
        return out;
    }

    private static JsonNode range(String name, List<JsonNode> args) {
        arity(name, args, 3);
        int first = integer(name, args, 0);
        int last = integer(name, args, 1);
        int step = integer(name, args, 2);
        if (step == 0) {
            throw failure(name, "the step must not be 0");
        }
        ArrayNode out = Json.array();
        for (long value = first; step > 0 ? value <= last : value >= last; value += step) {
            if (out.size() == MAX_RANGE) {
                throw failure(name, "the range exceeds " + MAX_RANGE + " items");
            }
            out.add(value);
        }
        return out;
    }

    private static JsonNode hash(String name, List<JsonNode> args) {
        arity(name, args, 2);
        JsonNode data = args.get(0);
        String algorithm = string(name, args, 1);
        String javaName = HASHES.get(algorithm);
        if (javaName == null) {
            throw failure(name, "the hash algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, got '"
                    + algorithm + "'");
        }
        String text = data.isTextual() ? data.textValue() : Json.write(data);
        try {
            byte[] digest = MessageDigest.getInstance(javaName).digest(text.getBytes(StandardCharsets.UTF_8));
            return Json.NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw failure(name, "the JVM lacks " + javaName);
        }
    }

    private static JsonNode merge(String name, List<JsonNode> args) {
        arity(name, args, 3);
        if (!args.get(0).isObject() || !args.get(1).isObject()) {
            throw failure(name, "both arguments to merge must be objects");
        }
        if (!args.get(2).isBoolean()) {
            throw failure(name, "the third argument must be a boolean");
        }
        if (args.get(2).booleanValue()) {
            throw failure(name, "not supported: deep merge (the third argument must be false, as on AWS)");
        }
        ObjectNode merged = Json.shallowCopy((ObjectNode) args.get(0));
        for (Map.Entry<String, JsonNode> field : args.get(1).properties()) {
            merged.set(field.getKey(), field.getValue());
        }
        return merged;
    }

    private static JsonNode random(String name, List<JsonNode> args) {
        if (args.size() != 2 && args.size() != 3) {
            throw failure(name, "expects 2 or 3 arguments, got " + args.size());
        }
        int start = integer(name, args, 0);
        int end = integer(name, args, 1);
        if (end <= start) {
            throw failure(name, "the end must be greater than the start");
        }
        Random random = args.size() == 3 ? new Random(integer(name, args, 2)) : ThreadLocalRandom.current();
        return Json.NODES.numberNode(start + random.nextInt(end - start));
    }

    private static void arity(String name, List<JsonNode> args, int expected) {
        if (args.size() != expected) {
            throw failure(name, "expects " + expected + " argument" + (expected == 1 ? "" : "s") + ", got "
                    + args.size());
        }
    }

    private static String string(String name, List<JsonNode> args, int index) {
        JsonNode node = args.get(index);
        if (!node.isTextual()) {
            throw failure(name, "argument " + (index + 1) + " must be a string, got " + Json.typeName(node));
        }
        return node.textValue();
    }

    private static ArrayNode array(String name, List<JsonNode> args, int index) {
        JsonNode node = args.get(index);
        if (!node.isArray()) {
            throw failure(name, "argument " + (index + 1) + " must be an array, got " + Json.typeName(node));
        }
        return (ArrayNode) node;
    }

    private static int integer(String name, List<JsonNode> args, int index) {
        Integer value = Json.intValue(args.get(index));
        if (value == null) {
            throw failure(name, "argument " + (index + 1) + " must be an integer, got " + Json.write(args.get(index)));
        }
        return value;
    }

    private static BigDecimal number(String name, List<JsonNode> args, int index) {
        JsonNode node = args.get(index);
        if (!node.isNumber()) {
            throw failure(name, "argument " + (index + 1) + " must be a number, got " + Json.typeName(node));
        }
        return node.decimalValue();
    }

    private static StatesError failure(String name, String reason) {
        return new StatesError(StatesError.INTRINSIC_FAILURE, "Invalid arguments in " + name + ": " + reason);
    }
}
