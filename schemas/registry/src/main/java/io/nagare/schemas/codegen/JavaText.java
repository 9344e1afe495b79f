package io.nagare.schemas.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Java source text: identifiers, string literals and javadoc, each escaped so any schema text compiles. */
final class JavaText {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_");
    /** Names a record component may not have (JLS 8.10.1), and the constants every event record declares. */
    private static final Set<String> RESERVED_COMPONENTS = Set.of("clone", "finalize", "getClass", "hashCode",
            "notify", "notifyAll", "toString", "wait", "DETAIL_TYPE", "SOURCE", "VERSION", "SCHEMA_ID");
    private static final int LINE_WIDTH = 110;
    private static final char NO_BREAK = '\u0000';

    private JavaText() {
    }

    /** The record component for a JSON property: the name itself when Java allows it. */
    static String componentName(String jsonName) {
        String name = isIdentifier(jsonName) ? jsonName : TypeNames.camelCase(jsonName);
        return KEYWORDS.contains(name) || RESERVED_COMPONENTS.contains(name) ? name + "_" : name;
    }

    /** The enum constant for a value: the value itself when it is already a Java constant name. */
    static String constantName(String value) {
        String name = isIdentifier(value) ? value : TypeNames.upperSnakeCase(value);
        return KEYWORDS.contains(name) ? name + "_" : name;
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0)) || name.charAt(0) > 127) {
            return false;
        }
        return name.chars().allMatch(c -> c < 128 && Character.isJavaIdentifierPart(c));
    }

    static String literal(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> {
                    if (c < 0x20) {
                        literal.append(String.format("\\u%04x", (int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }

    /**
     * Javadoc lines (without the leading {@code " * "}) for plain schema text: HTML-escaped, backslashes and
     * {@code @} made inert (javac reads unicode escapes even in comments), Markdown {@code `code`} as code, wrapped.
     */
    static List<String> doc(String text, int firstLineIndent) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("*/", "*&#47;").replace("@", "&#64;").replace("\\", "&#92;")
                .replaceAll("`([^`]+)`", "<code>$1</code>");
        return wrap(escaped.strip(), LINE_WIDTH - firstLineIndent);
    }

    /** Breaks lines between words, but never inside a {@code <code>} span. */

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            StringBuilder line = new StringBuilder();
            for (String word : keepCodeTogether(paragraph).split(" +")) {
                word = word.replace(NO_BREAK, ' ');
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String keepCodeTogether(String paragraph) {
        StringBuilder text = new StringBuilder(paragraph);
        boolean inCode = false;
        for (int i = 0; i < text.length(); i++) {
            if (text.indexOf("<code>", i) == i) {
                inCode = true;
            } else if (text.indexOf("</code>", i) == i) {
                inCode = false;
            } else if (inCode && text.charAt(i) == ' ') {
                text.setCharAt(i, NO_BREAK);
            }
        }
        return text.toString();
    }
}
