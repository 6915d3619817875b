package org.enma.schema;

/**
 * A failure the user can act on: its message is the one line the command prints (what went wrong, with which value,
 * and how to fix it). Anything else that escapes a command is a bug and is reported as such.
 */
public class EnmaException extends RuntimeException {
    public EnmaException(String message) {
        super(message);
    }

    public EnmaException(String message, Throwable cause) {
        super(message, cause);
    }
}
