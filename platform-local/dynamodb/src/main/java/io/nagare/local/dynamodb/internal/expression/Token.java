package io.nagare.local.dynamodb.internal.expression;

/** One token of an expression, with where it stands in the text (for DynamoDB's "near" in syntax errors). */
record Token(Kind kind, String text, int start, int end) {

    enum Kind { IDENTIFIER, NAME_PLACEHOLDER, VALUE_PLACEHOLDER, NUMBER, SYMBOL, EOF }

    boolean is(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    String display() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}
