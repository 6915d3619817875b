package org.enma.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the enma command, with what it printed on stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Enma.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code command} followed by the connection flags {@code settings}. */
    static CliRun withSettings(String[] settings, String... command) {
        return of(concat(command, settings));
    }

    static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
