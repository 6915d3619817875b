package org.enma.schema;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Joins and splits the {@code ~}-separated UTF-8 row keys of the data model; the one place that knows the separator. */
final class KeyParts {
    static final char SEPARATOR = '~';

    private KeyParts() {
    }

    static byte[] join(Object... parts) {
        StringBuilder key = new StringBuilder();
        for (Object part : parts) {
            if (key.length() > 0) {
                key.append(SEPARATOR);
            }
            key.append(part);
        }
        return key.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Splits {@code key} into exactly {@code names.size()} parts, or says which key shape it fails to match. */
    static String[] split(byte[] key, String shape, List<String> names) {
        String text = new String(key, StandardCharsets.UTF_8);
        String[] parts = text.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != names.size()) {
            throw new EnmaException("row key \"" + Identifier.printable(text) + "\" is not a " + shape + " key ("
                    + String.join("~", names.stream().map(n -> "<" + n + ">").toList()) + ")");
        }
        return parts;
    }

    static long parseLong(String part, String field, byte[] key) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new EnmaException("row key \"" + new String(key, StandardCharsets.UTF_8) + "\" has " + field
                    + " \"" + part + "\", which is not a whole number");
        }
    }
}
