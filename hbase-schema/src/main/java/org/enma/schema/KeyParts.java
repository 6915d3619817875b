package org.enma.schema;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Joins and splits the {@code ~}-separated UTF-8 row keys of the data model; the one place that knows the separator. */
final class KeyParts {
    static final char SEPARATOR = '~';
    /** DEL (0x7F) sorts after the separator '~' (0x7E): appended to a prefix, it ends the prefix's key range. */
    private static final byte AFTER_SEPARATOR = 0x7f;

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

    /**
     * The exclusive end of the keys that start with {@code parts} and the separator: {@code parts} joined, then DEL,
     * so every {@code <parts>~<anything>} sorts before it.
     */
    static byte[] endAfter(Object... parts) {
        byte[] joined = join(parts);
        byte[] end = Arrays.copyOf(joined, joined.length + 1);
        end[joined.length] = AFTER_SEPARATOR;
        return end;
    }

    /** Splits {@code key} into exactly {@code names.size()} parts, or says which key shape it fails to match. */
    static String[] split(byte[] key, String shape, List<String> names) {
        String text = new String(key, StandardCharsets.UTF_8);
        String[] parts = text.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != names.size()) {
            throw new EnmaException("row key \"" + Identifier.printable(text) + "\" is not a " + shape + " key ("
                    + shape(names) + ")");
        }
        return parts;
    }

    /** How a key of these parts is written, for messages: {@code <companyId>~<id>}. */
    static String shape(List<String> names) {
        return String.join(String.valueOf(SEPARATOR), names.stream().map(n -> "<" + n + ">").toList());
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
