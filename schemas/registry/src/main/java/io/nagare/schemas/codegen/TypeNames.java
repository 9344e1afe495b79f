package io.nagare.schemas.codegen;

import java.util.Locale;

/** Type and member names derived from schema names, shared by every target language. */
final class TypeNames {

    private TypeNames() {
    }

    /** {@code shipping-address} or {@code shippingAddress} becomes {@code ShippingAddress}. */
    static String pascalCase(String raw) {
        StringBuilder name = new StringBuilder();
        boolean upperNext = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128) {
                name.append(upperNext ? Character.toUpperCase(c) : c);
                upperNext = false;
            } else {
                upperNext = true;
            }
        }
        if (name.length() == 0 || Character.isDigit(name.charAt(0))) {
            name.insert(0, 'T');
        }
        return name.toString();
    }

    /** {@code shipping-address} becomes {@code shippingAddress}; already camel-case names stay as they are. */
    static String camelCase(String raw) {
        String pascal = pascalCase(raw);
        if (!Character.isLetter(raw.isEmpty() ? '_' : raw.charAt(0))) {
            return "_" + pascal.substring(1);
        }
        return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    /** {@code in-transit} or {@code inTransit} becomes {@code IN_TRANSIT}. */
    static String upperSnakeCase(String raw) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean wordStart = i > 0 && Character.isUpperCase(c) && Character.isLowerCase(raw.charAt(i - 1));
            if (!(Character.isLetterOrDigit(c) && c < 128)) {
                c = '_';
            } else if (wordStart) {
                name.append('_');
            }
            name.append(c);
        }
        String result = name.toString().toUpperCase(Locale.ROOT);
        return result.isEmpty() || !Character.isLetter(result.charAt(0)) ? "_" + result : result;
    }

    /** The element type name of a list property: {@code Lines} gives {@code Line}, {@code Entries} gives {@code Entry}. */
    static String singular(String plural) {
        if (plural.endsWith("ies") && plural.length() > 3) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        if (plural.matches(".*(ss|x|ch|sh)es")) {
            return plural.substring(0, plural.length() - 2);
        }
        if (plural.endsWith("s") && !plural.endsWith("ss") && plural.length() > 1) {
            return plural.substring(0, plural.length() - 1);
        }
        return plural + "Item";
    }
}
