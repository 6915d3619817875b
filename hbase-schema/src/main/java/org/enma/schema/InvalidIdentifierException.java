package org.enma.schema;

/** An identifier that would corrupt a row key or break the data model's rules; the message names field, value and rule. */
public final class InvalidIdentifierException extends EnmaException {
    public InvalidIdentifierException(String message) {
        super(message);
    }
}
