package io.nagare.local.dynamodb.internal.expression;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.nagare.local.dynamodb.internal.item.AttributeValue;

/**
 * Entry point of the expression language: parses each kind of expression against a request's
 * {@link ExpressionAttributes}, raising DynamoDB's {@code Invalid <Kind>Expression: ...} errors.
 */
public final class Expressions {

    private Expressions() {
    }

    /**
     * A condition: {@code kind} is the parameter name used in messages, e.g. {@code ConditionExpression},
     * {@code FilterExpression} or {@code KeyConditionExpression}.
     */
    public static Condition condition(String text, String kind, ExpressionAttributes attributes) {
        Parser parser = new Parser(requireText(text, kind), kind, attributes, false);
        Condition condition = parser.condition();
        parser.finish();
        return condition;
    }

    public static Projection projection(String text, ExpressionAttributes attributes) {
        String kind = "ProjectionExpression";
        Parser parser = new Parser(requireText(text, kind), kind, attributes, false);
        List<DocumentPath> paths = new ArrayList<>();
        paths.add(parser.path());
        while (parser.peek().is(",")) {
            parser.next();
            paths.add(parser.path());
        }
        parser.expectEnd();
        parser.finish();
        checkDisjoint(paths, parser);
        return new Projection(paths);
    }

    public static UpdateExpression update(String text, ExpressionAttributes attributes) {
        String kind = "UpdateExpression";
        Parser parser = new Parser(requireText(text, kind), kind, attributes, true);
        List<UpdateAction> actions = new ArrayList<>();
        Set<String> sections = new HashSet<>();
        while (!parser.atEnd()) {
            Token keyword = parser.peek();
            String section = keyword.kind() == Token.Kind.IDENTIFIER ? keyword.text().toUpperCase(Locale.ROOT) : "";
            if (!Set.of("SET", "REMOVE", "ADD", "DELETE").contains(section)) {
                throw parser.syntaxError(indexOf(parser));
            }
            parser.next();
            if (!sections.add(section)) {
                parser.defer(parser.invalid("The \"" + section + "\" section can only be used once in an update expression;"));
            }
            do {
                actions.add(action(section, parser));
            } while (parser.peek().is(",") && parser.next() != null);
        }
        if (actions.isEmpty()) {
            throw parser.syntaxError(indexOf(parser));
        }
        parser.finish();
        List<DocumentPath> targets = actions.stream().map(UpdateAction::path).toList();
        checkDisjoint(targets, parser);
        return new UpdateExpression(actions);
    }

    private static UpdateAction action(String section, Parser parser) {
        DocumentPath path = parser.path();
        switch (section) {
            case "SET":
                parser.expect("=");
                return new UpdateAction.Set(path, parser.updateValue());
            case "REMOVE":
                return new UpdateAction.Remove(path);
            default: {
                Operand operand = parser.operand();
                if (!(operand instanceof Operand.Value value)) {
                    throw parser.syntaxError(indexOf(parser) - 1);
                }
                checkSectionOperand(section, value.value(), parser);
                return section.equals("ADD") ? new UpdateAction.Add(path, value) : new UpdateAction.Delete(path, value);
            }
        }
    }

    private static void checkSectionOperand(String section, AttributeValue value, Parser parser) {
        AttributeValue.Type type = value.type();
        boolean set = type == AttributeValue.Type.SS || type == AttributeValue.Type.NS || type == AttributeValue.Type.BS;
        boolean accepted = set || (section.equals("ADD") && type == AttributeValue.Type.N);
        if (!accepted) {
            parser.defer(parser.invalid("Incorrect operand type for operator or function; operator: " + section
                    + ", operand type: " + typeName(type)));
        }
    }

    private static String typeName(AttributeValue.Type type) {
        switch (type) {
            case S: return "STRING";
            case N: return "NUMBER";
            case B: return "BINARY";
            case BOOL: return "BOOLEAN";
            case NULL: return "NULL";
            case M: return "MAP";
            case L: return "LIST";
            default: return type.name();
        }
    }

    private static int indexOf(Parser parser) {
        return parser.position();
    }

    private static void checkDisjoint(List<DocumentPath> paths, Parser parser) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                DocumentPath one = paths.get(i);
                DocumentPath two = paths.get(j);
                if (one.overlaps(two)) {
                    throw parser.invalid("Two document paths overlap with each other; must remove or rewrite one of "
                            + "these paths; path one: " + one + ", path two: " + two);
                }
                if (one.conflicts(two)) {
                    throw parser.invalid("Two document paths conflict with each other; must remove or rewrite one of "
                            + "these paths; path one: " + one + ", path two: " + two);
                }
            }
        }
    }

    private static String requireText(String text, String kind) {
        if (text.isBlank()) {
            throw ExpressionErrors.invalid(kind, "The expression can not be empty;");
        }
        return text;
    }
}
