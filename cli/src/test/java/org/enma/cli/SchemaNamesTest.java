package org.enma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data-model names are declared once, in hbase-schema, and used by name everywhere else: a module that spells the
 * key separator or one of these names itself would drift from the data model the day it changes. Inside hbase-schema
 * the separator is spelled by KeyParts alone: every key class joins, splits and bounds keys through it. (ArchUnit
 * sees calls, not string literals, so this reads the sources.)
 */
class SchemaNamesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** The literals, and where hbase-schema declares each. */
    private static final Pattern KEY_LAYOUT = Pattern.compile("\"[^\"]*~[^\"]*\"|'~'");
    private static final Map<String, String> DECLARED = Map.of(
            "\"tariffId\"", "CustomerColumns.TARIFF_ID / TariffKey.TARIFF_ID",
            "\"weatherStationId\"", "CustomerColumns.WEATHER_STATION_ID",
            "\"temperatureAir\"", "EnmaTable.TEMPERATURE_AIR",
            "\"electricityConsumption\"", "EnmaTable.ELECTRICITY_CONSUMPTION");
    /** Not a row key: the id of a MongoDB bookkeeping document; changing it would orphan the pending days stored. */
    private static final String ROLLUP_PENDING_ID = "short-term-store/src/main/java/org/enma/store/RollupPending.java";
    private static final String KEY_PARTS = "hbase-schema/src/main/java/org/enma/schema/KeyParts.java";
    private static final String SCHEMA = "hbase-schema";

    @Test
    void dataModelNamesAndTheKeySeparatorAreSpelledOnce() throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : List.of(SCHEMA, "config", "loaders", "short-term-store", "analytics-jobs", "portal-api",
                "cli")) {
            try (Stream<Path> sources = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String relative = ROOT.relativize(source).toString();
                    List<String> lines = Files.readAllLines(source);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).strip();
                        if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                            continue;
                        }
                        boolean exempt = relative.equals(ROLLUP_PENDING_ID) || relative.equals(KEY_PARTS);
                        if (KEY_LAYOUT.matcher(line).find() && !exempt) {
                            found.add(relative + ":" + (i + 1) + " spells the key separator ~; build keys, prefixes"
                                    + " and key patterns with hbase-schema's key classes (in hbase-schema: KeyParts)");
                        }
                        for (Map.Entry<String, String> name : DECLARED.entrySet()) {
                            if (line.contains(name.getKey()) && !exempt && !module.equals(SCHEMA)) {
                                found.add(relative + ":" + (i + 1) + " spells " + name.getKey() + "; use "
                                        + name.getValue());
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
