package org.enma.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The spark-submit entry's usage errors: exit 2 with the reason, before any Spark or store is touched. The flags are
 * the option classes the enma commands use, so a flag spelled here is spelled there.
 */
class SubmitTest {
    private StringWriter out;
    private StringWriter err;

    private int submit(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Submit.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void theFirstArgumentNamesTheJob() {
        assertThat(submit()).isEqualTo(Submit.USAGE);
        assertThat(err.toString()).contains("the first argument names the job: OT101, OT103")
                .contains("derive, validate or rollup");
        assertThat(submit("OT999", "--company", "1111111111")).isEqualTo(Submit.USAGE);
        assertThat(err.toString()).contains("Unknown options: '--company', '1111111111'");
        assertThat(submit("OT999")).isEqualTo(Submit.USAGE);
        assertThat(err.toString()).contains("unknown job \"OT999\": the first argument names the job: OT101");
    }

    @Test
    void eachJobTakesItsCommandsFlags() {
        assertThat(submit("ot101", "--company", "1111111111")).isEqualTo(Submit.USAGE);
        assertThat(err.toString()).contains("Missing required option: '--month=YYYYMM'");
        assertThat(submit("OT101", "--company", "1111111111", "--month", "2014-01")).isEqualTo(Submit.USAGE);
        assertThat(err.toString()).contains("month \"2014-01\" is invalid: write it as YYYYMM");
        assertThat(submit("OT101", "--company", "111", "--month", "201401")).isEqualTo(Submit.USAGE);
        assertThat(err.toString()).contains("companyId \"111\" is invalid");
        assertThat(submit("derive", "--company", "1111111111", "--month", "201401")).isEqualTo(Submit.USAGE);
        assertThat(err.toString()).contains("Unknown options: '--month', '201401'");
        assertThat(submit("derive", "--company", "1111111111", "--from", "201402", "--to", "201401"))
                .isEqualTo(Submit.USAGE);
        assertThat(err.toString()).contains("--from 201402 is after --to 201401");
        assertThat(submit("rollup", "--company")).isEqualTo(Submit.USAGE);
        assertThat(err.toString()).contains("Missing required parameter for option '--company' (ID)");
        assertThat(submit("rollup", "--company", "1111111111", "--from", "201401")).isEqualTo(Submit.USAGE);
        assertThat(err.toString()).contains("Missing required argument(s): --to=YYYYMM");
    }

    @Test
    void theConnectionSettingsAreFlagsOfEveryJob() {
        assertThat(submit("OT101", "--help")).isZero();
        assertThat(out.toString()).contains("--company=ID").contains("--month=YYYYMM").contains("--hbase-quorum")
                .contains("--mongo-uri");
        assertThat(submit("rollup", "--help")).isZero();
        assertThat(out.toString()).contains("--from=YYYYMM").contains("--namespace");
    }
}
