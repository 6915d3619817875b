package org.enma.jobs;

import org.enma.schema.EnmaException;

/**
 * The one-line reason of a failed run. Spark wraps what a task threw in layers of SparkExceptions whose messages
 * carry whole stack traces; the user needs the innermost ENMA message, or else the innermost cause.
 */
final class Failures {
    private Failures() {
    }

    static String messageOf(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EnmaException) {
                return t.getMessage();
            }
            innermost = t;
        }
        String message = innermost.getMessage() == null ? innermost.getClass().getSimpleName()
                : innermost.getClass().getSimpleName() + ": " + innermost.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
