package org.enma.schema;

/**
 * The rule for identifiers that go into row keys (contractId, tariffId, stationId, periodKey, ...): non-empty, at most
 * {@value #MAX_LENGTH} characters, no {@code ~} (the key separator) and no control characters.
 */
public final class Identifier {
    public static final int MAX_LENGTH = 64;

    private Identifier() {
    }

    /** Returns {@code value} when it is a valid identifier, otherwise throws naming {@code field}, the value and the rule. */
    public static String require(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidIdentifierException(field + " is empty: an identifier must have at least one character");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidIdentifierException(field + " \"" + printable(value.substring(0, 20)) + "...\" has "
                    + value.length() + " characters: at most " + MAX_LENGTH + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == KeyParts.SEPARATOR) {
                throw new InvalidIdentifierException(field + " \"" + printable(value)
                        + "\" contains '" + KeyParts.SEPARATOR + "', the row-key separator");
            }
            if (Character.isISOControl(c)) {
                throw new InvalidIdentifierException(field + " \"" + printable(value)
                        + "\" contains a control character (U+" + String.format("%04X", (int) c) + ")");
            }
        }
        return value;
    }

    /** The value with control characters shown as {@code \\uXXXX}, so an error message stays on one readable line. */
    public static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
