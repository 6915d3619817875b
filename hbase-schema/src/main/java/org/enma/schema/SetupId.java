package org.enma.schema;

/** The id of a job setup: 24 lower-case hex digits (the start of the SHA-256 of the setup's canonical JSON). */
public record SetupId(String value) implements java.io.Serializable {
    public SetupId {
        if (value == null || !value.matches("[0-9a-f]{24}")) {
            throw new InvalidIdentifierException("setupId \"" + Identifier.printable(String.valueOf(value))
                    + "\" is invalid: it must be 24 lower-case hex digits");
        }
    }

    public static SetupId of(String value) {
        return new SetupId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
