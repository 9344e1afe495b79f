package io.nagare.local.dynamodb.internal.expression;

import java.util.List;

import io.nagare.local.dynamodb.internal.item.DynamoDbErrors;
import io.nagare.local.runtime.AwsServiceException;

/** DynamoDB's messages for invalid expressions: {@code Invalid <Kind>Expression: <reason>}. */
final class ExpressionErrors {

    private ExpressionErrors() {
    }

    static AwsServiceException invalid(String expressionName, String reason) {
        return DynamoDbErrors.validation("Invalid " + expressionName + ": " + reason);
    }

    /** {@code Syntax error; token: "x", near: "a x b"}: near spans the previous, this and the next token. */
    static AwsServiceException syntax(String expressionName, String text, List<Token> tokens, int index) {
        Token token = tokens.get(index);
        int from = index > 0 ? tokens.get(index - 1).start() : token.start();
        int to = index + 1 < tokens.size() ? tokens.get(index + 1).end() : token.end();
        to = Math.min(Math.max(to, token.end()), text.length());
        String near = text.substring(Math.min(from, to), to);
        return invalid(expressionName, "Syntax error; token: \"" + token.display() + "\", near: \"" + near + "\"");
    }
}
