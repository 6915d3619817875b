package org.enma.loaders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyFingerprintsTest {
    @Test
    void tellsRepeatedKeysFromNewOnesAcrossGrowth() throws IOException {
        try (KeyFingerprints seen = new KeyFingerprints()) {
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
            // nothing held was ever written out: nothing more to count
            assertThat(seen.settle()).isZero();
        }
    }

    @Test
    void keysNoLongerHeldAreCountedWhenTheHeldOnesAreMergedIn() throws IOException {
        try (KeyFingerprints seen = new KeyFingerprints(1000)) {
            long told = 0;
            for (int i = 0; i < 300_000; i++) {
                told += seen.addAndCheckSeen(key(i)) ? 1 : 0;
            }
            assertThat(told).isZero();
            // a first file ends: every key so far was new
            assertThat(seen.settle()).isZero();
            for (int i = 0; i < 300_000; i += 7) {
                told += seen.addAndCheckSeen(key(i)) ? 1 : 0;
            }
            // 42,858 repeats, none among the last thousand held when they came: all counted by the merges
            assertThat(told).isZero();
            assertThat(seen.settle()).isEqualTo(42_858);
            // a key repeated within the held ones is told at once, and not counted again
            assertThat(seen.addAndCheckSeen(key(400_000))).isFalse();
            assertThat(seen.addAndCheckSeen(key(400_000))).isTrue();
            assertThat(seen.settle()).isZero();
        }
    }

    private static byte[] key(int i) {
        return (i % 100 + "~" + (1372640400L + 3600L * i) + "~C" + i % 229).getBytes(StandardCharsets.UTF_8);
    }
}
