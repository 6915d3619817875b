package org.enma.schema;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StagingRootTest {

    @Test
    void aLocalStagingRootServesRegionServersOnThisMachine() {
        assertThatCode(() -> StagingRoot.requireReadable(true, "/tmp", "region servers",
                List.of("127.0.0.1", "localhost"), "give --staging"))
                .doesNotThrowAnyException();
    }

    @Test
    void aLocalStagingRootIsRefusedWhenRegionServersRunElsewhere() {
        // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): an address no machine has
        assertThatThrownBy(() -> StagingRoot.requireReadable(true, "/tmp", "region servers",
                List.of("127.0.0.1", "192.0.2.11", "192.0.2.10"), "give --staging"))
                .isInstanceOf(EnmaException.class)
                .hasMessage("the staging directory /tmp is on this machine's local filesystem, but region servers run"
                        + " on 192.0.2.10, 192.0.2.11, which cannot use it: give --staging a directory of HBase's"
                        + " filesystem, e.g. hdfs:///tmp/enma (nothing was written)");
    }

    @Test
    void aSharedFilesystemServesEveryRegionServer() {
        assertThatCode(() -> StagingRoot.requireReadable(false, "hdfs:///tmp/enma", "region servers",
                List.of("192.0.2.10"), "give --staging"))
                .doesNotThrowAnyException();
    }
}
