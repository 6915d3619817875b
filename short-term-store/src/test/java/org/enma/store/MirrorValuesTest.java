package org.enma.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MirrorValuesTest {

    @Test
    void dataModelExampleCellsAreWrittenAsTheyAre() {
        assertThat(MirrorValues.text(216.65)).isEqualTo("216.65");
        assertThat(MirrorValues.text(602)).isEqualTo("602");
        assertThat(MirrorValues.text("postalCode + tariffId")).isEqualTo("postalCode + tariffId");
    }

    @Test
    void aWholeDecimalKeepsItsPointSoItReadsBackAsADouble() {
        assertThat(MirrorValues.text(216.0)).isEqualTo("216.0");
        assertThat(MirrorValues.value("216.0")).isEqualTo(216.0);
        assertThat(MirrorValues.value("602")).isEqualTo(602);
        assertThat(MirrorValues.value("6000000000")).isEqualTo(6_000_000_000L);
        assertThat(MirrorValues.value("-35.93")).isEqualTo(-35.93);
    }

    @Test
    void stringsThatLookLikeOtherValuesAreQuoted() {
        assertThat(MirrorValues.text("1")).isEqualTo("\"1\"");
        assertThat(MirrorValues.text("[x")).isEqualTo("\"[x\"");
        assertThat(MirrorValues.value("\"1\"")).isEqualTo("1");
        assertThat(MirrorValues.value("\"[x\"")).isEqualTo("[x");
        assertThat(MirrorValues.value("companyId")).isEqualTo("companyId");
    }

    @Test
    void arraysAndObjectsAreJsonAndReadBackAsDocuments() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("month", 201307);
        entry.put("consumption", 12.5);
        String text = MirrorValues.text(List.of(entry));
        assertThat(text).isEqualTo("[{\"month\":201307,\"consumption\":12.5}]");
        assertThat(MirrorValues.value(text)).isEqualTo(List.of(new Document("month", 201307).append("consumption", 12.5)));
    }
}
