package org.enma.loaders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.enma.schema.DecimalText;
import org.junit.jupiter.api.Test;

/** The fast paths give exactly what the general parsers give, and step aside for everything else. */
class FastPathsTest {

    @Test
    void plainNumbersNormaliseLikeTheDecimalCodec() throws RowRejected {
        for (String text : List.of("0", "00", "7", "007.50", "0.4120", "10234.412", "100", "0.000", "1.0", "120",
                "0.001", "000.0100", "5", "99999999999999999999.5")) {
            assertThat(UploadedNumber.plainFastPath(text)).as(text)
                    .isEqualTo(DecimalText.format(new BigDecimal(text)))
                    .isEqualTo(UploadedNumber.parse("v", text));
        }
        assertThat(UploadedNumber.plainFastPath("0.4120")).isEqualTo("0.412");
        assertThat(UploadedNumber.plainFastPath("007.50")).isEqualTo("7.5");
        for (String other : List.of("-1", "+1", "1.", ".5", "1e3", "1.2.3", "", "1,5", "NaN")) {
            assertThat(UploadedNumber.plainFastPath(other)).as(other).isNull();
        }
    }

    @Test
    void utcTimestampsReadLikeTheIsoParser() throws RowRejected {
        Timestamps timestamps = new Timestamps(ZoneOffset.UTC, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        for (String text : List.of("2013-07-01T01:00:00Z", "2016-02-29T23:59:59Z", "1970-01-01T00:00:00Z",
                "2013-12-31T00:00:00Z")) {
            assertThat(Timestamps.utcFastPath(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant())
                    .isEqualTo(timestamps.instant("timestamp", text));
        }
        assertThat(Timestamps.utcFastPath("2013-07-01T01:00:00Z").getEpochSecond()).isEqualTo(1372640400L);
        for (String other : List.of("2013-02-29T00:00:00Z", "2013-07-01T24:00:00Z", "2013-13-01T00:00:00Z",
                "2013-07-01T01:00:00+02:00", "2013-07-01 01:00:00", "2013-07-01T01:00:00.5Z", "2013-07-0xT01:00:00Z")) {
            assertThat(Timestamps.utcFastPath(other)).as(other).isNull();
        }
    }
}
