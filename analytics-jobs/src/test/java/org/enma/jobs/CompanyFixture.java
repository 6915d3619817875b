package org.enma.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.enma.schema.TableNames;
import org.enma.testing.TestStack;

/** Writes hand-made customers and consumption cells straight into a test class's tables (no loader involved). */
final class CompanyFixture {
    private final TestStack stack;
    private final CompanyId company;
    private final TableNames names;
    private final List<Put> measures = new ArrayList<>();
    private final List<Put> customers = new ArrayList<>();

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

    void write() throws IOException {
        TableCreator creator = new TableCreator(stack.connection().getAdmin(), names, Compression.Algorithm.NONE);
        EnmaTable consumption = EnmaTable.consumption("electricityConsumption", company);
        creator.ensure(consumption);
        creator.ensure(EnmaTable.customers());
        try (Table t = stack.connection().getTable(names.of(consumption))) {
            t.put(measures);
        }
        try (Table t = stack.connection().getTable(names.of(EnmaTable.customers()))) {
            t.put(customers);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
