package org.enma.jobs.submit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.enma.schema.EnmaException;
import org.enma.schema.Month;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads a typed value out of a command-line argument; a malformed one is bad usage (exit 2), with its message. Shared
 * by the {@code enma} commands and the {@code spark-submit} entry.
 */
public final class Arguments {
    private Arguments() {
    }

    /** The months {@code from} … {@code to} (YYYYMM, both included); bad usage when {@code from} is after {@code to}. */
    public static List<Month> months(CommandSpec spec, String from, String to) {
        Month first = valid(spec, () -> Month.parse(from));
        Month last = valid(spec, () -> Month.parse(to));
        if (first.compareTo(last) > 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
        }
        List<Month> months = new ArrayList<>();
        for (Month m = first; m.compareTo(last) <= 0; m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    public static <T> T valid(CommandSpec spec, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (EnmaException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
