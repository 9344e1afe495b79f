package io.nagare.local.stepfunctions.internal.asl;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.nagare.local.stepfunctions.internal.json.Json;

/**
 * A parsed intrinsic function call such as {@code States.Format('Hello {}', $.name)}: its arguments are literals,
 * paths (data, context object, variables) or nested calls. Parsed once when the definition is compiled.
 */
final class IntrinsicFunction {

    private final String name;
    private final List<Argument> arguments;

    private IntrinsicFunction(String name, List<Argument> arguments) {
        this.name = name;
        this.arguments = arguments;
    }

    /** Whether a {@code .$} value is meant as an intrinsic function call. */
    static boolean looksLikeCall(String text) {
        return text.startsWith("States.");
    }

    /** Parses a call; throws {@link IllegalArgumentException} naming what is wrong and where. */
    static IntrinsicFunction parse(String text) {
        Parser parser = new Parser(text);
        IntrinsicFunction call = parser.call();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw parser.error("unexpected text after the call");
        }
        return call;
    }

    String name() {
        return name;
    }

    JsonNode evaluate(JsonNode document, EvalContext context) {
        List<JsonNode> values = new ArrayList<>(arguments.size());
        for (Argument argument : arguments) {
            values.add(argument.evaluate(document, context));
        }
        return Intrinsics.apply(name, values);
    }

    private interface Argument {
        JsonNode evaluate(JsonNode document, EvalContext context);
    }

    private record Literal(JsonNode value) implements Argument {
        @Override
        public JsonNode evaluate(JsonNode document, EvalContext context) {
            return value;
        }
    }

    private record PathArgument(Path path) implements Argument {
        @Override
        public JsonNode evaluate(JsonNode document, EvalContext context) {
            JsonNode value = path.read(document, context);
            if (value == null) {
                throw StatesError.runtime("The JSONPath '" + path.text() + "' could not be found in the input '"
                        + Json.write(path.rootValue(document, context) == null ? Json.NODES.nullNode()
                        : path.rootValue(document, context)) + "'");
            }
            return value;
        }
    }

    private record Nested(IntrinsicFunction call) implements Argument {
        @Override
        public JsonNode evaluate(JsonNode document, EvalContext context) {
            return call.evaluate(document, context);
        }
    }

    private static final class Parser {
        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        IntrinsicFunction call() {
            skipSpaces();
            int start = position;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '.')) {
                position++;
            }
            String name = text.substring(start, position);
            if (!name.startsWith("States.") || !Intrinsics.exists(name)) {
                throw error("unknown intrinsic function '" + name + "'");
            }
            skipSpaces();
            expect('(');
            List<Argument> arguments = new ArrayList<>();
            skipSpaces();
            if (peek() == ')') {
                position++;
                return new IntrinsicFunction(name, arguments);
            }
            while (true) {
                arguments.add(argument());
                skipSpaces();
                if (atEnd()) {
                    throw error("missing ')'");
                }
                char c = text.charAt(position++);
                if (c == ')') {
                    return new IntrinsicFunction(name, arguments);
                }
                if (c != ',') {
                    throw error("expected ',' or ')'");
                }
            }
        }

        private Argument argument() {
            skipSpaces();
            if (atEnd()) {
                throw error("missing argument");
            }
            char c = peek();
            if (c == '\'') {
                return new Literal(Json.NODES.textNode(string()));
            }
            if (c == '$') {
                return new PathArgument(path());
            }
            if (text.startsWith("States.", position)) {
                return new Nested(call());
            }
            int start = position;
            while (!atEnd() && peek() != ',' && peek() != ')' && !Character.isWhitespace(peek())) {
                position++;
            }
            String token = text.substring(start, position);
            try {
                JsonNode literal = Json.parse(token);
                if (literal.isContainerNode()) {
                    throw error("unexpected argument '" + token + "'");
                }
                return new Literal(literal);
            } catch (IllegalArgumentException e) {
                throw error("unexpected argument '" + token + "'");
            }
        }

        private String string() {
            position++;
            StringBuilder out = new StringBuilder();
            while (!atEnd()) {
                char c = text.charAt(position++);
                if (c == '\\' && !atEnd()) {
                    char next = text.charAt(position++);
                    if (next == '{' || next == '}') {
                        out.append('\\');
                    }
                    out.append(next);
                } else if (c == '\'') {
                    return out.toString();
                } else {
                    out.append(c);
                }
            }
            throw error("unterminated string");
        }

        private Path path() {
            int start = position;
            int depth = 0;
            char quote = 0;
            while (!atEnd()) {
                char c = peek();
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '[' || c == '(') {
                    depth++;
                } else if (c == ']' || c == ')') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if ((c == ',' || Character.isWhitespace(c)) && depth == 0) {
                    break;
                }
                position++;
            }
            String path = text.substring(start, position);
            try {
                return Path.compile(path);
            } catch (IllegalArgumentException e) {
                throw error("invalid path '" + path + "': " + e.getMessage());
            }
        }

        void skipSpaces() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                position++;
            }
        }

        boolean atEnd() {
            return position >= text.length();
        }

        private char peek() {
            return atEnd() ? '\0' : text.charAt(position);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            position++;
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(message + " at position " + position + " of '" + text + "'");
        }
    }
}
