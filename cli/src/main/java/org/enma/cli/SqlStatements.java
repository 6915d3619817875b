package org.enma.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL typed or piped line by line into statements at each {@code ;} that is outside quotes ({@code '...'},
 * {@code "..."}, {@code `...`}) and outside a {@code --} comment.
 */
final class SqlStatements {
    private final StringBuilder current = new StringBuilder();
    private char quote;

    /** The statements {@code line} completes (none while a statement goes on). */
    List<String> add(String line) {
        List<String> complete = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '-' && i + 1 < line.length() && line.charAt(i + 1) == '-') {
                break;
            } else if (c == ';') {
                if (!current.toString().isBlank()) {
                    complete.add(current.toString().strip());
                }
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        current.append('\n');
        return complete;
    }

    /** Whether a statement has begun and not ended. */
    boolean pending() {
        return !current.toString().isBlank();
    }

    /** What is left after the last {@code ;}: a last statement without one. */
    String rest() {
        return current.toString().strip();
    }
}
