package org.enma.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The spark-submit entry's usage errors: exit 2 with one line, before any Spark or store is touched. */
class SubmitTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int submit(String... args) {
        return Submit.run(args, new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theFirstArgumentNamesTheJob() {
        assertThat(submit()).isEqualTo(2);
        assertThat(submit("--company", "1111111111")).isEqualTo(2);
        assertThat(errors()).contains("the first argument names the job: OT101, OT103").contains("derive or rollup");
    }

    @Test
    void anUnknownJobIsNamed() {
        assertThat(submit("OT999", "--company", "1111111111")).isEqualTo(2);
        assertThat(errors()).contains("unknown analytic \"OT999\"").contains("or derive or rollup");
    }

    @Test
    void eachJobTakesItsCommandsFlags() {
        assertThat(submit("ot101", "--company", "1111111111")).isEqualTo(2);
        assertThat(errors()).contains("OT101: --company and --month are required");
        assertThat(submit("derive", "--company", "1111111111", "--month", "201401")).isEqualTo(2);
        assertThat(errors()).contains("derive: unknown option(s) [--month]");
        assertThat(submit("rollup", "--company")).isEqualTo(2);
        assertThat(errors()).contains("rollup: \"--company\" needs a value");
    }
}
