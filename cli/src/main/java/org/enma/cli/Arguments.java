package org.enma.cli;

import java.util.function.Supplier;
import org.enma.schema.EnmaException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Reads a typed value out of a command-line argument; a malformed one is bad usage (exit 2), with its message. */
final class Arguments {
    private Arguments() {
    }

    static <T> T valid(CommandSpec spec, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (EnmaException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
