package org.enma.schema;

import java.nio.charset.StandardCharsets;

/** The column families of the data model. */
public enum Family {
    /** Measures (consumption, weather) and tariff slots. */
    M("m"),
    INFO("info"),
    ADDRESS("address"),
    PROFILE("profile"),
    RESULTS("results"),
    /** Period tables: one family per calendar period, named as docs/data-model.md writes them. */
    HOUR("HOUR"),
    DAY("DAY"),
    WEEK("WEEK"),
    MONTH("MONTH"),
    QUARTER("QUARTER"),
    YEAR("YEAR"),
    /** Trust tables: a contract-day's counters. */
    T("t"),
    /** Trust tables: a contract-day's count per validation rule. */
    R("r");

    private final String name;
    private final byte[] bytes;

    Family(String name) {
        this.name = name;
        this.bytes = name.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return name;
    }
}
