package org.enma.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MeasureKeyTest {

    @Test
    void sourceExampleFollowsTheFormulaNotTheMisprintedKey() {
        // docs/data-model.md: (1505210023 / 100) % 100 = 15052100 % 100 = 0, although the source document printed 4.
        MeasureKey key = MeasureKey.of(1505210023L, "CHBB");
        assertThat(key.bucket()).isZero();
        assertThat(text(key.encode())).isEqualTo("0~1505210023~CHBB");
    }

    @Test
    void sameIdComparesWhatFollowsTheSecondSeparator() {
        byte[] a = bytes("4~1372640400~CHBB");
        assertThat(MeasureKey.sameId(a, bytes("40~1372644000~CHBB"))).isTrue();
        assertThat(MeasureKey.sameId(a, bytes("4~1372640400~CHB"))).isFalse();
        assertThat(MeasureKey.sameId(a, bytes("4~1372640400~CHBBB"))).isFalse();
        assertThat(MeasureKey.sameId(bytes("4~1372640400"), bytes("4~1372640400"))).isFalse();
    }

    @Test
    void bucketIsHundredsOfSecondsModuloHundred() {
        // 2013-07-01T01:00:00Z = 1372640400 → 13726404 % 100 = 4
        assertThat(Bucket.of(1372640400L)).isEqualTo(4);
        assertThat(Bucket.of(1372640499L)).isEqualTo(4);
        assertThat(Bucket.of(1372640500L)).isEqualTo(5);
        assertThat(Bucket.of(99L)).isZero();
        assertThat(Bucket.of(9999L)).isEqualTo(99);
        assertThat(Bucket.of(10_000L)).isZero();
    }

    @Test
    void roundTrips() {
        MeasureKey key = MeasureKey.of(1372640400L, "contract-ñ 7");
        assertThat(text(key.encode())).isEqualTo("4~1372640400~contract-ñ 7");
        assertThat(MeasureKey.decode(key.encode())).isEqualTo(key);
    }

    @Test
    void decodeRefusesABucketThatDoesNotMatchTheTimestamp() {
        assertThatThrownBy(() -> MeasureKey.decode(bytes("4~1505210023~CHBB")))
                .isInstanceOf(EnmaException.class)
                .hasMessageContaining("has bucket 4, but the bucket of that timestamp is 0");
    }

    @Test
    void decodeRefusesOtherShapes() {
        assertThatThrownBy(() -> MeasureKey.decode(bytes("1111111111~CHBB")))
                .hasMessage("row key \"1111111111~CHBB\" is not a measure key (<bucket>~<timestamp>~<id>)");
        assertThatThrownBy(() -> MeasureKey.decode(bytes("0~15052x0023~CHBB")))
                .hasMessageContaining("timestamp \"15052x0023\", which is not a whole number");
    }

    @Test
    void refusesTimestampsBefore1970AndBadIds() {
        assertThatThrownBy(() -> MeasureKey.of(-1L, "CHBB")).hasMessageContaining("before 1970");
        assertThatThrownBy(() -> MeasureKey.of(1L, "CH~BB")).isInstanceOf(InvalidIdentifierException.class);
    }

    static String text(byte[] key) {
        return new String(key, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMonthOfTenDigitTimestampsIsOneRangePerBucket() {
        // July 2013 UTC by the interval convention: (1372636800, 1375315200] → [1372636801, 1375315201)
        assertThat(MeasureKey.scanRanges(7, 1372636801L, 1375315201L)).extracting(KeyRange::toString)
                .containsExactly("[7~1372636801, 7~1375315200\u007f)");
    }

    @Test
    void aRangeOverADigitCountChangeIsCutWhereTheLengthChanges() {
        // 999999990..1000000009: nine digits up to 999999999, ten digits from 1000000000
        assertThat(MeasureKey.scanRanges(0, 999_999_990L, 1_000_000_010L)).extracting(KeyRange::toString)
                .containsExactly("[0~999999990, 0~999999999\u007f)", "[0~1000000000, 0~1000000009\u007f)");
    }

    @Test
    void everyKeyOfTheRangeLiesInsideAndTheNeighboursOutside() {
        KeyRange range = MeasureKey.scanRanges(4, 1372640400L, 1372640500L).get(0);
        byte[] first = MeasureKey.of(1372640400L, "CHBB").encode();
        byte[] last = MeasureKey.of(1372640499L, "\u00ff\u00ffzz").encode();
        byte[] before = MeasureKey.of(1372630499L, "ZZZ").encode();
        byte[] after = MeasureKey.of(1372650400L, "A").encode();
        assertThat(inside(first, range)).isTrue();
        assertThat(inside(last, range)).isTrue();
        assertThat(inside(before, range)).isFalse();
        assertThat(inside(after, range)).isFalse();
    }

    @Test
    void anEmptyTimeRangeHasNoRanges() {
        assertThat(MeasureKey.scanRanges(3, 1372640400L, 1372640400L)).isEmpty();
    }

    private static boolean inside(byte[] key, KeyRange range) {
        return java.util.Arrays.compareUnsigned(key, range.start()) >= 0
                && java.util.Arrays.compareUnsigned(key, range.stop()) < 0;
    }

    @Test
    void readersTakeTimestampAndIdStraightFromTheBytes() {
        byte[] key = MeasureKey.of(1372640400L, "CH\u00e9BB").encode();
        assertThat(MeasureKey.timestampOf(key)).isEqualTo(1372640400L);
        assertThat(MeasureKey.idOf(key)).isEqualTo("CH\u00e9BB");
        assertThatThrownBy(() -> MeasureKey.timestampOf("4~13726404x0~A".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("is not a whole number");
        assertThatThrownBy(() -> MeasureKey.idOf("4~1372640400".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("is not a measure key");
    }
}
