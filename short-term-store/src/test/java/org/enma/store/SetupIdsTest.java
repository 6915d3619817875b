package org.enma.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetupIdsTest {

    @Test
    void canonicalJsonSortsKeysAndHasNoWhitespace() {
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("type", "electricityConsumption");
        setup.put("ot", "OT101");
        setup.put("minGroupSize", 20);
        setup.put("efficientShare", 0.25);
        setup.put("companyId", 1111111111L);
        setup.put("a", List.of(List.of("postalCode", "tariffId"), List.of()));
        assertThat(SetupIds.canonicalJson(setup)).isEqualTo("{\"a\":[[\"postalCode\",\"tariffId\"],[]],"
                + "\"companyId\":1111111111,\"efficientShare\":0.25,\"minGroupSize\":20,\"ot\":\"OT101\","
                + "\"type\":\"electricityConsumption\"}");
        // printf '%s' '<that JSON>' | sha256sum | cut -c1-24
        assertThat(SetupIds.of(setup).value()).isEqualTo("5c29c11f093246bf31d57f4b");
    }

    @Test
    void keyOrderDoesNotChangeTheId() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("x", 1);
        one.put("y", Map.of("b", 2, "a", 1));
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("y", new LinkedHashMap<>(Map.of("a", 1, "b", 2)));
        other.put("x", 1);
        assertThat(SetupIds.of(one)).isEqualTo(SetupIds.of(other));
        assertThat(SetupIds.of(Map.of("x", 2))).isNotEqualTo(SetupIds.of(Map.of("x", 1)));
    }
}
