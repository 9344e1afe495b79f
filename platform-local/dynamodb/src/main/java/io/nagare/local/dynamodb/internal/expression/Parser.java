package io.nagare.local.dynamodb.internal.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.nagare.local.dynamodb.internal.item.AttributeValue;
import io.nagare.local.runtime.AwsServiceException;

/**
 * Recursive-descent parser for DynamoDB's expression grammar. Syntax errors are raised where they occur; semantic
 * errors (reserved words, undefined placeholders, misused functions) are kept and raised once the text has parsed,
 * so a syntax error anywhere wins, as in DynamoDB.
 */
final class Parser {

    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size");
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    private static final Set<String> ATTRIBUTE_TYPES =
            Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "BOOL", "NULL");

    private final String text;
    private final String expressionName;
    private final ExpressionAttributes attributes;
    private final boolean update;
    private final List<Token> tokens;
    private int position;
    private AwsServiceException deferred;

    Parser(String text, String expressionName, ExpressionAttributes attributes, boolean update) {
        this.text = text;
        this.expressionName = expressionName;
        this.attributes = attributes;
        this.update = update;
        this.tokens = Lexer.tokens(text, expressionName);
    }

    // ---- conditions ----

    Condition condition() {
        Condition condition = or();
        expectEnd();
        return condition;
    }

    private Condition or() {
        Condition left = and();
        while (peek().isKeyword("OR")) {
            position++;
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = not();
        while (peek().isKeyword("AND")) {
            position++;
            left = new Condition.And(left, not());
        }
        return left;
    }

    private Condition not() {
        if (peek().isKeyword("NOT")) {
            position++;
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() {
        if (peek().is("(")) {
            int start = position;
            AwsServiceException deferredBefore = deferred;
            try {
                position++;
                Condition inner = or();
                expect(")");
                if (!startsComparison(peek())) {
                    return inner;
                }
            } catch (AwsServiceException notACondition) {
                // Not a parenthesised condition: read it again as a parenthesised operand.
            }
            position = start;
            deferred = deferredBefore;
        }
        return predicate();
    }

    private static boolean startsComparison(Token token) {
        return token.kind() == Token.Kind.SYMBOL && Set.of("=", "<>", "<", "<=", ">", ">=").contains(token.text())
                || token.isKeyword("BETWEEN") || token.isKeyword("IN");
    }

    private Condition predicate() {
        if (peek().kind() == Token.Kind.IDENTIFIER && peek(1).is("(") && !isKeyword(peek())) {
            Token name = next();
            String function = name.text();
            List<Operand> arguments = arguments();
            if (!function.equals("size")) {
                return conditionFunction(function, arguments);
            }
            return comparison(sizeFunction(arguments));
        }
        return comparison(operand());
    }

    private Condition comparison(Operand left) {
        Token token = peek();
        if (token.kind() == Token.Kind.SYMBOL && startsComparison(token)) {
            position++;
            Operand right = operand();
            checkNotBooleanFunction(left);
            checkNotBooleanFunction(right);
            if (left.equals(right) && left instanceof Operand.Path path) {
                defer(invalid("The first operand must be distinct from the remaining operands for this operator "
                        + "or function; operator: " + token.text() + ", first operand: " + path.path()));
            }
            return new Condition.Comparison(token.text(), left, right);
        }
        if (token.isKeyword("BETWEEN")) {
            position++;
            Operand lower = operand();
            expectKeyword("AND");
            Operand upper = operand();
            checkBetween(lower, upper);
            return new Condition.Between(left, lower, upper);
        }
        if (token.isKeyword("IN")) {
            position++;
            expect("(");
            List<Operand> candidates = new ArrayList<>();
            candidates.add(operand());
            while (peek().is(",")) {
                position++;
                candidates.add(operand());
            }
            expect(")");
            return new Condition.In(left, candidates);
        }
        if (left instanceof Operand.Size) {
            defer(invalid("The function is not allowed to be used this way in an expression; function: size"));
        }
        throw syntaxError(position);
    }

    private void checkBetween(Operand lower, Operand upper) {
        if (lower instanceof Operand.Value low && upper instanceof Operand.Value high) {
            String bounds = "lower bound operand: AttributeValue: {" + describe(low.value()) + "}, "
                    + "upper bound operand: AttributeValue: {" + describe(high.value()) + "}";
            if (low.value().type() != high.value().type()) {
                defer(invalid("The BETWEEN operator requires same data type for lower and upper bounds; " + bounds));
            } else {
                Integer order = Values.compare(low.value(), high.value());
                if (order != null && order > 0) {
                    defer(invalid("The BETWEEN operator requires upper bound to be greater than or equal to lower "
                            + "bound; " + bounds));
                }
            }
        }
    }

    private static String describe(AttributeValue value) {
        String shown = switch (value.type()) {
            case S -> ((AttributeValue.S) value).value();
            case N -> ((AttributeValue.N) value).text();
            case B -> ((AttributeValue.B) value).value().base64();
            default -> String.valueOf(value);
        };
        return value.type() + ":" + shown;
    }

    private Condition conditionFunction(String function, List<Operand> arguments) {
        if (!CONDITION_FUNCTIONS.contains(function)) {
            defer(invalid(UPDATE_FUNCTIONS.contains(function)
                    ? "The function is not allowed in a condition expression; function: " + function
                    : "Invalid function name; function: " + function));
            return new Condition.AttributeExists(DocumentPath.of(function));
        }
        arguments.forEach(this::checkNotBooleanFunction);
        switch (function) {
            case "attribute_exists":
            case "attribute_not_exists": {
                checkCount(function, arguments, 1);
                DocumentPath path = requirePath(function, arguments.get(0));
                return function.equals("attribute_exists") ? new Condition.AttributeExists(path)
                        : new Condition.AttributeNotExists(path);
            }
            case "attribute_type": {
                checkCount(function, arguments, 2);
                DocumentPath path = requirePath(function, arguments.get(0));
                Operand type = arguments.get(1);
                AttributeValue.Type staticType = type.staticType();
                if (staticType != AttributeValue.Type.S) {
                    defer(invalid("Incorrect operand type for operator or function; operator or function: "
                            + function + ", operand type: " + (staticType == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}"
                            : staticType)));
                } else if (type instanceof Operand.Value value
                        && !ATTRIBUTE_TYPES.contains(((AttributeValue.S) value.value()).value())) {
                    defer(invalid("Invalid attribute type name found; type: " + ((AttributeValue.S) value.value()).value()
                            + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}"));
                }
                return new Condition.AttributeType(path, type);
            }
            case "begins_with": {
                checkCount(function, arguments, 2);
                for (Operand argument : arguments) {
                    AttributeValue.Type type = argument.staticType();
                    if (type != null && type != AttributeValue.Type.S && type != AttributeValue.Type.B) {
                        defer(invalid("Incorrect operand type for operator or function; operator or function: "
                                + function + ", operand type: " + type));
                    }
                }
                return new Condition.BeginsWith(arguments.get(0), arguments.get(1));
            }
            case "contains":
                checkCount(function, arguments, 2);
                return new Condition.Contains(arguments.get(0), arguments.get(1));
            default:
                throw new IllegalStateException(function);
        }
    }

    private Operand sizeFunction(List<Operand> arguments) {
        checkCount("size", arguments, 1);
        Operand argument = arguments.get(0);
        AttributeValue.Type type = argument.staticType();
        if (type == AttributeValue.Type.N || type == AttributeValue.Type.BOOL || type == AttributeValue.Type.NULL) {
            defer(invalid("Incorrect operand type for operator or function; operator or function: size, "
                    + "operand type: " + type));
        }
        return new Operand.Size(argument);
    }

    private void checkCount(String function, List<Operand> arguments, int expected) {
        if (arguments.size() != expected) {
            defer(invalid("Incorrect number of operands for operator or function; operator or function: " + function
                    + ", number of operands: " + arguments.size()));
            while (arguments.size() < expected) {
                arguments.add(new Operand.Path(DocumentPath.of(function)));
            }
        }
    }

    private DocumentPath requirePath(String function, Operand operand) {
        if (operand instanceof Operand.Path path) {
            return path.path();
        }
        defer(invalid("Operator or function requires a document path; operator or function: " + function));
        return DocumentPath.of(function);
    }

    private void checkNotBooleanFunction(Operand operand) {
        if (operand instanceof Operand.Misused misused) {
            defer(invalid("The function is not allowed to be used this way in an expression; function: "
                    + misused.name()));
        }
    }

    // ---- operands ----

    /** An operand of a condition: a path, a value, size(...), or one in parentheses. */
    Operand operand() {
        Token token = peek();
        if (token.is("(")) {
            position++;
            Operand inner = operand();
            expect(")");
            return inner;
        }
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            position++;
            return value(token);
        }
        if (token.kind() == Token.Kind.IDENTIFIER && peek(1).is("(") && !isKeyword(token)) {
            position++;
            return functionOperand(token.text(), arguments());
        }
        return new Operand.Path(path());
    }

    private Operand functionOperand(String function, List<Operand> arguments) {
        if (update) {
            if (function.equals("if_not_exists")) {
                checkCount(function, arguments, 2);
                return new Operand.IfNotExists(requirePath(function, arguments.get(0)), arguments.get(1));
            }
            if (function.equals("list_append")) {
                checkCount(function, arguments, 2);
                for (Operand argument : arguments) {
                    AttributeValue.Type type = argument.staticType();
                    if (type != null && type != AttributeValue.Type.L) {
                        defer(invalid("Incorrect operand type for operator or function; operator or function: "
                                + "list_append, operand type: " + type));
                    }
                }
                return new Operand.ListAppend(arguments.get(0), arguments.get(1));
            }
            defer(invalid(CONDITION_FUNCTIONS.contains(function)
                    ? "The function is not allowed in an update expression; function: " + function
                    : "Invalid function name; function: " + function));
            return new Operand.Misused(function);
        }
        if (function.equals("size")) {
            return sizeFunction(arguments);
        }
        if (!CONDITION_FUNCTIONS.contains(function)) {
            defer(invalid(UPDATE_FUNCTIONS.contains(function)
                    ? "The function is not allowed in a condition expression; function: " + function
                    : "Invalid function name; function: " + function));
        }
        return new Operand.Misused(function);
    }

    private List<Operand> arguments() {
        expect("(");
        List<Operand> arguments = new ArrayList<>();
        arguments.add(update ? updateValue() : operand());
        while (peek().is(",")) {
            position++;
            arguments.add(update ? updateValue() : operand());
        }
        expect(")");
        return arguments;
    }

    /** The right-hand side of SET: an operand, or two joined by + or -. */
    Operand updateValue() {
        Operand left = operand();
        if (peek().is("+") || peek().is("-")) {
            char operator = next().text().charAt(0);
            Operand right = operand();
            for (Operand side : List.of(left, right)) {
                AttributeValue.Type type = side.staticType();
                if (type != null && type != AttributeValue.Type.N) {
                    defer(invalid("Incorrect operand type for operator or function; operator or function: "
                            + operator + ", operand type: " + type));
                }
            }
            return new Operand.Arithmetic(left, operator, right);
        }
        return left;
    }

    private Operand value(Token token) {
        try {
            return new Operand.Value(token.text(), attributes.value(token.text(), expressionName));
        } catch (AwsServiceException e) {
            defer(e);
            return new Operand.Value(token.text(), new AttributeValue.Null());
        }
    }

    DocumentPath path() {
        List<DocumentPath.Element> elements = new ArrayList<>();
        elements.add(new DocumentPath.Name(pathName()));
        while (true) {
            if (peek().is(".")) {
                position++;
                elements.add(new DocumentPath.Name(pathName()));
            } else if (peek().is("[")) {
                position++;
                Token index = peek();
                if (index.kind() != Token.Kind.NUMBER) {
                    throw syntaxError(position);
                }
                position++;
                expect("]");
                try {
                    elements.add(new DocumentPath.Index(Integer.parseInt(index.text())));
                } catch (NumberFormatException e) {
                    throw invalid("List index is out of range; index: " + index.text());
                }
            } else {
                return new DocumentPath(elements);
            }
        }
    }

    private String pathName() {
        Token token = peek();
        if (token.kind() == Token.Kind.NAME_PLACEHOLDER) {
            position++;
            try {
                return attributes.name(token.text(), expressionName);
            } catch (AwsServiceException e) {
                defer(e);
                return token.text();
            }
        }
        if (token.kind() == Token.Kind.IDENTIFIER && !isKeyword(token)) {
            position++;
            if (ReservedWords.isReserved(token.text())) {
                defer(invalid("Attribute name is a reserved keyword; reserved keyword: " + token.text()));
            }
            return token.text();
        }
        throw syntaxError(position);
    }

    // ---- plumbing ----

    int position() {
        return position;
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.EOF;
    }

    Token peek() {
        return tokens.get(position);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    Token next() {
        return tokens.get(position++);
    }

    void expect(String symbol) {
        if (!peek().is(symbol)) {
            throw syntaxError(position);
        }
        position++;
    }

    private void expectKeyword(String keyword) {
        if (!peek().isKeyword(keyword)) {
            throw syntaxError(position);
        }
        position++;
    }

    void expectEnd() {
        if (!atEnd()) {
            throw syntaxError(position);
        }
    }

    private static boolean isKeyword(Token token) {
        return token.kind() == Token.Kind.IDENTIFIER && KEYWORDS.contains(token.text().toUpperCase(Locale.ROOT));
    }

    AwsServiceException syntaxError(int index) {
        return ExpressionErrors.syntax(expressionName, text, tokens, index);
    }

    AwsServiceException invalid(String reason) {
        return ExpressionErrors.invalid(expressionName, reason);
    }

    void defer(AwsServiceException error) {
        if (deferred == null) {
            deferred = error;
        }
    }

    /** Raises the first semantic error found, once the whole text has parsed. */
    void finish() {
        if (deferred != null) {
            throw deferred;
        }
    }
}
