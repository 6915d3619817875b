package org.enma.schema;

/** A company: a 10-digit decimal identifier (docs/data-model.md), kept as text because it is part of keys and table names. */
public record CompanyId(String value) implements java.io.Serializable {
    public CompanyId {
        if (value == null || !value.matches("[0-9]{10}")) {
            throw new InvalidIdentifierException("companyId \"" + Identifier.printable(String.valueOf(value))
                    + "\" is invalid: it must be exactly 10 decimal digits, e.g. 1111111111");
        }
    }

    public static CompanyId of(String value) {
        return new CompanyId(value);
    }

    /** The number form used in result documents ({@code "companyId": 1111111111}). */
    public long asNumber() {
        return Long.parseLong(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
