package org.enma.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.enma.schema.CompanyId;
import org.enma.schema.CompanyKey;
import org.enma.schema.CustomerColumns;
import org.enma.schema.EnmaTable;
import org.enma.schema.Family;
import org.enma.schema.MeasureKey;
import org.enma.schema.TableCreator;
import org.enma.schema.TariffKey;
import org.enma.schema.TableNames;
import org.enma.testing.TestStack;

/** Writes hand-made customers and consumption cells straight into a test class's tables (no loader involved). */
final class CompanyFixture {
    private final TestStack stack;
    private final CompanyId company;
    private final TableNames names;
    private final List<Put> measures = new ArrayList<>();
    private final List<Put> customers = new ArrayList<>();
    private final List<Put> stations = new ArrayList<>();
    private final List<Put> tariffs = new ArrayList<>();
    private final List<Put> temperatures = new ArrayList<>();
    private final Map<EnmaTable, List<Put>> others = new LinkedHashMap<>();

    CompanyFixture(TestStack stack, CompanyId company) {
        this.stack = stack;
        this.company = company;
        this.names = new TableNames(stack.namespace());
    }

    CompanyFixture customer(String contractId, String postalCode, String tariffId) {
        Put put = new Put(CompanyKey.of(company, contractId).encode());
        if (postalCode != null) {
            put.addColumn(CustomerColumns.familyOf("postalCode").orElseThrow().bytes(), bytes("postalCode"),
                    bytes(postalCode));
        }
        if (tariffId != null) {
            put.addColumn(Family.INFO.bytes(), bytes("tariffId"), bytes(tariffId));
        }
        if (!put.isEmpty()) {
            customers.add(put);
        }
        return this;
    }

    /** One more customer attribute, e.g. {@code weatherStationId}, in the family docs/data-model.md gives it. */
    CompanyFixture attribute(String contractId, String name, String value) {
        customers.add(new Put(CompanyKey.of(company, contractId).encode())
                .addColumn(CustomerColumns.familyOf(name).orElseThrow().bytes(), bytes(name), bytes(value)));
        return this;
    }

    /** One tariffs row: a slot of a tariff version valid {@code from} … {@code to}, with its {@code m:} cells. */
    CompanyFixture tariffRow(String tariffId, LocalDate from, LocalDate to, String periodKey,
                             Map<String, String> cells) {
        Put put = new Put(new TariffKey(company, tariffId, from, to, from, to, periodKey).encode());
        cells.forEach((q, v) -> put.addColumn(Family.M.bytes(), bytes(q), bytes(v)));
        tariffs.add(put);
        return this;
    }

    /** One measure row stamped {@code at} UTC with these {@code m:} cells, as qualifier, value, qualifier, ... */
    CompanyFixture measure(String contractId, LocalDateTime at, String... cells) {
        Put put = new Put(MeasureKey.of(at.toEpochSecond(ZoneOffset.UTC), contractId).encode());
        for (int i = 0; i < cells.length; i += 2) {
            put.addColumn(Family.M.bytes(), bytes(cells[i]), bytes(cells[i + 1]));
        }
        measures.add(put);
        return this;
    }

    CompanyFixture station(String stationId, String city) {
        stations.add(new Put(CompanyKey.of(company, stationId).encode())
                .addColumn(Family.ADDRESS.bytes(), bytes("city"), bytes(city)));
        return this;
    }

    /** One tariff slot valid all of 2013, with its energy cost (cents/kWh) and time of day. */
    CompanyFixture tariffSlot(String tariffId, String periodKey, String energyCost, String hourStart, String hourEnd) {
        LocalDate start = LocalDate.of(2013, 1, 1);
        LocalDate end = LocalDate.of(2013, 12, 31);
        tariffs.add(new Put(new TariffKey(company, tariffId, start, end, start, end, periodKey).encode())
                .addColumn(Family.M.bytes(), bytes("energyCost"), bytes(energyCost))
                .addColumn(Family.M.bytes(), bytes("hourStart"), bytes(hourStart))
                .addColumn(Family.M.bytes(), bytes("hourEnd"), bytes(hourEnd)));
        return this;
    }

    /** One {@code temperatureAir} reading of a station (weather tables are shared by all companies). */
    CompanyFixture temperature(String stationId, LocalDateTime at, double v) {
        temperatures.add(new Put(MeasureKey.of(at.toEpochSecond(ZoneOffset.UTC), stationId).encode())
                .addColumn(Family.M.bytes(), bytes("v"), bytes(Double.toString(v))));
        return this;
    }

    /** One reading {@code v} stamped {@code at} UTC. */
    CompanyFixture reading(String contractId, LocalDateTime at, double v) {
        measures.add(new Put(MeasureKey.of(at.toEpochSecond(ZoneOffset.UTC), contractId).encode())
                .addColumn(Family.M.bytes(), bytes("v"), bytes(Double.toString(v))));
        return this;
    }

    /** One reading {@code v} at 12:00 UTC on each date {@code first} … {@code last}. */
    CompanyFixture daily(String contractId, LocalDate first, LocalDate last, double v) {
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            reading(contractId, d.atTime(12, 0), v);
        }
        return this;
    }

    /** One row of any table: its key and cells of one family, as qualifier, value, qualifier, ... */
    CompanyFixture row(EnmaTable table, byte[] key, Family family, String... cells) {
        Put put = new Put(key);
        for (int i = 0; i < cells.length; i += 2) {
            put.addColumn(family.bytes(), bytes(cells[i]), bytes(cells[i + 1]));
        }
        others.computeIfAbsent(table, t -> new ArrayList<>()).add(put);
        return this;
    }

    void write() throws IOException {
        TableCreator creator = new TableCreator(stack.connection().getAdmin(), names, Compression.Algorithm.NONE);
        EnmaTable consumption = EnmaTable.consumption("electricityConsumption", company);
        creator.ensure(consumption);
        try (Table t = stack.connection().getTable(names.of(consumption))) {
            t.put(measures);
        }
        put(creator, EnmaTable.customers(), customers);
        put(creator, EnmaTable.stations(), stations);
        put(creator, EnmaTable.tariffs(), tariffs);
        put(creator, EnmaTable.weather("temperatureAir"), temperatures);
        for (Map.Entry<EnmaTable, List<Put>> table : others.entrySet()) {
            put(creator, table.getKey(), table.getValue());
        }
    }

    private void put(TableCreator creator, EnmaTable table, List<Put> puts) throws IOException {
        creator.ensure(table);
        try (Table t = stack.connection().getTable(names.of(table))) {
            t.put(puts);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
