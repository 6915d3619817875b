package org.enma.loaders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyFingerprintsTest {
    @Test
    void tellsRepeatedKeysFromNewOnesAcrossGrowth() {
        KeyFingerprints seen = new KeyFingerprints();
        // 300,000 keys: every segment (256 of 256 slots at first) doubles several times
        for (int i = 0; i < 300_000; i++) {
            assertThat(seen.addAndCheckSeen(key(i))).as("key %d first time", i).isFalse();
        }
        int repeated = 0;
        for (int i = 0; i < 300_000; i += 7) {
            if (seen.addAndCheckSeen(key(i))) {
                repeated++;
            }
        }
        // 0, 7, ..., 299,999: 42,858 keys, all seen before
        assertThat(repeated).isEqualTo(42_858);
        assertThat(seen.addAndCheckSeen(key(300_000))).isFalse();
    }

    private static byte[] key(int i) {
        return (i % 100 + "~" + (1372640400L + 3600L * i) + "~C" + i % 229).getBytes(StandardCharsets.UTF_8);
    }
}
