package org.enma.jobs.source;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.enma.jobs.read.PeriodRowsRead;
import org.enma.schema.CompanyId;
import org.enma.schema.CustomerColumns;
import org.enma.schema.EnmaTable;
import org.enma.schema.MeasureColumns;
import org.enma.schema.StationColumns;
import org.enma.schema.TableKind;
import org.enma.schema.TariffColumns;
import org.enma.schema.TariffKey;
import org.enma.schema.TrustColumns;

/**
 * One table as the {@code enma} data source shows it: which ENMA table, for which company, and its fixed Spark schema
 * (docs/spark.md lists them). Measure tables show their row key as {@code contractId} (or {@code stationId}) and
 * {@code timestamp}, the {@code date} and {@code hour} the measure belongs to by the interval convention, and the cells
 * of family {@code m} typed; the other tables show their key's parts and their cells.
 */
public record SourceTable(Kind kind, EnmaTable table, CompanyId company, String ot, int periods)
        implements Serializable {
    /** What the source reads, as {@code option("table", ...)} names it. */
    public enum Kind {
        CONSUMPTION, WEATHER, CUSTOMERS, STATIONS, TARIFFS, PERIODS, TRUST, RESULTS;

        public String optionName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Tertiary tables have any number of tariff periods; Spanish 6.x tariffs have the most in use: 6. */
    public static final int DEFAULT_TERTIARY_PERIODS = 6;
    /** Time-of-use tables have three (DATA-MODEL: p1, p2, p3). */
    static final int TOU_PERIODS = 3;

    static final String TIMESTAMP = "timestamp";
    static final String DATE = "date";
    static final String HOUR = "hour";
    static final String CONTRACT_ID = "contractId";
    static final String STATION_ID = "stationId";
    static final String MONTH = "month";
    static final String SETUP_ID = "setupId";
    static final String RESULT = "result";
    static final String PERIOD = "period";
    /** A trust row's counters (family {@code t}), as columns of the same names. */
    static final List<String> TRUST_COUNTERS = List.of(TrustColumns.INTERVAL, TrustColumns.EXPECTED,
            TrustColumns.ACTUAL, TrustColumns.ESTIMATED, TrustColumns.SUSPECT, TrustColumns.MISSING);
    /** A company row's number of contracts ({@code t:c}); null on contract rows. */
    static final String CONTRACTS = "contracts";
    /** A trust row's family {@code r}: measures flagged per rule. */
    static final String RULES = "rules";
    static final List<String> TARIFF_KEY = TariffKey.COLUMNS;

    /** The name a user sees: {@code c1111111111.electricityConsumption}, {@code temperatureAir}. */
    public String displayName() {
        return switch (kind) {
            case WEATHER -> table.name();
            case RESULTS -> "c" + company + "." + table.name();
            case CUSTOMERS, STATIONS, TARIFFS -> "c" + company + "." + table.name();
            default -> "c" + company + "." + table.name().substring(0, table.name().lastIndexOf('_'));
        };
    }

    /** The column holding a measure key's id: {@code contractId}, or {@code stationId} for weather. */
    String idColumn() {
        return kind == Kind.WEATHER || kind == Kind.STATIONS ? STATION_ID : CONTRACT_ID;
    }

    public StructType schema() {
        List<StructField> fields = new ArrayList<>();
        switch (kind) {
            case CONSUMPTION, WEATHER -> {
                fields.add(field(idColumn(), DataTypes.StringType, false));
                fields.add(field(TIMESTAMP, DataTypes.TimestampType, false));
                fields.add(field(DATE, DataTypes.DateType, false));
                fields.add(field(HOUR, DataTypes.IntegerType, false));
                fields.add(field(MeasureColumns.V, DataTypes.DoubleType, true));
                if (kind == Kind.CONSUMPTION) {
                    fields.add(field(MeasureColumns.VA, DataTypes.DoubleType, true));
                    for (int p = 1; p <= tariffPeriods(); p++) {
                        fields.add(field(MeasureColumns.period(p), DataTypes.DoubleType, true));
                        fields.add(field(MeasureColumns.cumulativePeriod(p), DataTypes.DoubleType, true));
                    }
                    fields.add(field(MeasureColumns.CALC, DataTypes.StringType, true));
                    for (String slot : MeasureColumns.TARIFF_SLOT) {
                        fields.add(field(slot, MeasureColumns.isNumber(slot) ? DataTypes.DoubleType
                                : DataTypes.StringType, true));
                    }
                    fields.add(field(MeasureColumns.RAW, DataTypes.DoubleType, true));
                    fields.add(field(MeasureColumns.Q, DataTypes.StringType, true));
                    fields.add(field(MeasureColumns.EST, DataTypes.StringType, true));
                }
            }
            case CUSTOMERS -> {
                fields.add(field(CONTRACT_ID, DataTypes.StringType, false));
                CustomerColumns.names().forEach(c -> fields.add(field(c, DataTypes.StringType, true)));
            }
            case STATIONS -> {
                fields.add(field(STATION_ID, DataTypes.StringType, false));
                StationColumns.ALL.forEach(c -> fields.add(field(c, DataTypes.StringType, true)));
            }
            case TARIFFS -> {
                TARIFF_KEY.forEach(c -> fields.add(field(c, c.startsWith("date") ? DataTypes.DateType
                        : DataTypes.StringType, false)));
                TariffColumns.ALL.forEach(c -> fields.add(field(c, isTariffNumber(c) ? DataTypes.DoubleType
                        : DataTypes.StringType, true)));
            }
            case PERIODS -> {
                return PeriodRowsRead.schema(tariffPeriods());
            }
            case TRUST -> {
                fields.add(field(CONTRACT_ID, DataTypes.StringType, false));
                fields.add(field(DATE, DataTypes.DateType, false));
                TRUST_COUNTERS.forEach(c -> fields.add(field(c, DataTypes.LongType, false)));
                fields.add(field(CONTRACTS, DataTypes.LongType, true));
                fields.add(field(RULES, DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false));
            }
            case RESULTS -> {
                fields.add(field(CONTRACT_ID, DataTypes.StringType, false));
                fields.add(field(MONTH, DataTypes.IntegerType, false));
                fields.add(field(SETUP_ID, DataTypes.StringType, false));
                fields.add(field(RESULT, DataTypes.StringType, false));
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return new StructType(fields.toArray(StructField[]::new));
    }

    /**
     * How many tariff periods a consumption table (its {@code pN}/{@code pNa} columns) or its period table (its {@code
     * pN} sums) shows: 0 residential, 3 tou, tertiary as set.
     */
    int tariffPeriods() {
        TableKind measures = kind == Kind.PERIODS ? EnmaTable.measuresOfPeriods(table).kind() : table.kind();
        return measures == TableKind.TOU ? TOU_PERIODS : measures == TableKind.TERTIARY ? periods : 0;
    }

    static boolean isTariffNumber(String column) {
        return column.equals(TariffColumns.FLAT_RATE) || column.equals(TariffColumns.ENERGY_COST);
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
