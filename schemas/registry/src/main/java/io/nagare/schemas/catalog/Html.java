package io.nagare.schemas.catalog;

/** HTML text: every value from a schema, an example or the model goes through {@link #text} before it is written. */
final class Html {

    private Html() {
    }

    /** Escapes text for element content and quoted attribute values alike. */
    static String text(String raw) {
        StringBuilder escaped = new StringBuilder(raw.length() + 16);
        for (char c : raw.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Escaped text with Markdown {@code `code`} spans shown as code, as schema descriptions write them. */
    static String prose(String raw) {
        return text(raw).replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    /** An element id from any name: letters, digits, {@code -} and {@code _} only. */
    static String id(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    static String link(String href, String label) {
        return "<a href=\"" + text(href) + "\">" + text(label) + "</a>";
    }

    static String code(String raw) {
        return "<code>" + text(raw) + "</code>";
    }
}
