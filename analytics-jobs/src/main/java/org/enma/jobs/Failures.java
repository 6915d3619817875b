package org.enma.jobs;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.util.function.Consumer;
import org.enma.schema.EnmaException;
import org.enma.store.MongoStore;

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
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException) {
                return "MongoDB stopped answering: " + MongoStore.firstSentence(t.getMessage())
                        + "; rerun once it answers (a rerun overwrites what this run wrote)";
            }
            innermost = t;
        }
        String message = innermost.getMessage() == null ? innermost.getClass().getSimpleName()
                : innermost.getClass().getSimpleName() + ": " + innermost.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Records {@code reason} with {@code record} (in jobRuns); says so in the reason when that fails too. */
    static String recorded(String reason, Consumer<String> record) {
        try {
            record.accept(reason);
            return reason;
        } catch (RuntimeException unrecorded) {
            return reason + " (the failure could not be recorded in jobRuns: " + messageOf(unrecorded) + ")";
        }
    }
}
