package org.enma.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.enma.schema.EnmaException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void theInnermostEnmaMessageWinsOverSparksWrapping() {
        Exception spark = new RuntimeException("Job aborted due to stage failure: Task 3 failed 1 times\n\tat ...",
                new EnmaException("table t row 4~1~A: m:v \"x\" is not a number"));
        assertThat(Failures.messageOf(spark)).isEqualTo("table t row 4~1~A: m:v \"x\" is not a number");
    }

    @Test
    void otherwiseTheInnermostCauseOnOneLine() {
        Exception wrapped = new UncheckedIOException("reading t failed", new IOException("Connection refused\nmore"));
        assertThat(Failures.messageOf(wrapped)).isEqualTo("IOException: Connection refused");
        assertThat(Failures.messageOf(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void mongoDbGoingAwayIsSaidInOneLineWithWhatToDo() {
        Exception lost = new RuntimeException("writing OT101Results", new com.mongodb.MongoTimeoutException(
                "Timed out while waiting for a server that matches WritableServerSelector. Client view of cluster"
                        + " state is {type=UNKNOWN, servers=[{address=127.0.0.1:27018, type=UNKNOWN}]"));
        assertThat(Failures.messageOf(lost)).isEqualTo("MongoDB stopped answering: Timed out while waiting for a"
                + " server that matches WritableServerSelector; rerun once it answers (a rerun overwrites what this"
                + " run wrote)");
    }

    @Test
    void aReasonThatCouldNotBeRecordedSaysSo() {
        List<String> recorded = new ArrayList<>();
        assertThat(Failures.recorded("table t does not exist", recorded::add)).isEqualTo("table t does not exist");
        assertThat(recorded).containsExactly("table t does not exist");
        assertThat(Failures.recorded("table t does not exist", reason -> {
            throw new EnmaException("cannot reach MongoDB at mongodb://db:27017");
        })).isEqualTo("table t does not exist (the failure could not be recorded in jobRuns: cannot reach MongoDB at"
                + " mongodb://db:27017)");
    }
}
