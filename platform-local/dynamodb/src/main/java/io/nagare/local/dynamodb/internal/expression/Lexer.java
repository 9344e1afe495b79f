package io.nagare.local.dynamodb.internal.expression;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; an unknown character is a syntax error at that character. */
final class Lexer {

    private Lexer() {
    }

    /**
     * The tokens of {@code text}. An unknown character, or a {@code #} or {@code :} without a name, is a syntax error
     * reported once the whole text is read, so its "near" can show the token after it as DynamoDB's does.
     */
    static List<Token> tokens(String text, String expressionName) {
        List<Token> tokens = new ArrayList<>();
        int firstBad = -1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (Character.isLetter(c) || c == '_') {
                i = wordEnd(text, i + 1);
                tokens.add(new Token(Token.Kind.IDENTIFIER, text.substring(start, i), start, i));
            } else if (c == '#' || c == ':') {
                i = wordEnd(text, i + 1);
                if (i == start + 1) {
                    firstBad = firstBad < 0 ? tokens.size() : firstBad;
                    tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start, i));
                    continue;
                }
                Token.Kind kind = c == '#' ? Token.Kind.NAME_PLACEHOLDER : Token.Kind.VALUE_PLACEHOLDER;
                tokens.add(new Token(kind, text.substring(start, i), start, i));
            } else if (c >= '0' && c <= '9') {
                while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, text.substring(start, i), start, i));
            } else if ((c == '<' || c == '>') && i + 1 < text.length()
                    && (text.charAt(i + 1) == '=' || (c == '<' && text.charAt(i + 1) == '>'))) {
                i += 2;
                tokens.add(new Token(Token.Kind.SYMBOL, text.substring(start, i), start, i));
            } else if ("()[].,=<>+-".indexOf(c) >= 0) {
                i++;
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start, i));
            } else {
                firstBad = firstBad < 0 ? tokens.size() : firstBad;
                i++;
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start, i));
            }
        }
        tokens.add(new Token(Token.Kind.EOF, "", text.length(), text.length()));
        if (firstBad >= 0) {
            throw ExpressionErrors.syntax(expressionName, text, tokens, firstBad);
        }
        return tokens;
    }

    private static int wordEnd(String text, int i) {
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i;
    }
}
