package org.enma.loaders;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hbase.client.Put;
import org.enma.schema.DecimalText;
import org.enma.schema.Family;
import org.enma.schema.MeasureColumns;
import org.enma.schema.MeasureKey;

/**
 * Consumption rows of every kind: residential ({@code v}, {@code va}), time-of-use ({@code p1..p3}, {@code p1a..p3a},
 * {@code v}) and tertiary ({@code p1..pN}). {@code calc} describes {@code v}: {@code 0} when it was uploaded, {@code 1}
 * when it is the sum of the periods; a row without {@code v} gets no {@code calc}, so that a later derivation of
 * {@code v} from {@code va} is not contradicted by a reload.
 */
final class ConsumptionMapper implements RowMapper {
    static final String CONTRACT_ID = "contractId";
    static final String TIMESTAMP = "timestamp";
    static final List<String> TARIFF_COLUMNS = MeasureColumns.TARIFF_SLOT;

    private final Timestamps timestamps;
    private final int periods;
    private final boolean cumulative;

    /** {@code periods}: 0 for residential; {@code cumulative}: whether {@code va} is a column of the kind. */
    ConsumptionMapper(Timestamps timestamps, int periods, boolean cumulative) {
        this.timestamps = timestamps;
        this.periods = periods;
        this.cumulative = cumulative;
    }

    static List<String> periodColumns(int periods) {
        List<String> columns = new ArrayList<>();
        for (int p = 1; p <= periods; p++) {
            columns.add(MeasureColumns.period(p));
            columns.add(MeasureColumns.cumulativePeriod(p));
        }
        return columns;
    }

    @Override
    public Put map(Row row) throws RowRejected {
        String contractId = row.identifier(CONTRACT_ID);
        long timestamp = timestamps.parse(TIMESTAMP, row.required(TIMESTAMP));
        Cells cells = new Cells(MeasureKey.of(timestamp, contractId).encode());
        boolean anyValue = false;

        String v = row.number(MeasureColumns.V);
        String calc = v == null ? null : "0";
        if (cumulative) {
            String va = row.number(MeasureColumns.VA);
            cells.add(Family.M, MeasureColumns.VA, va);
            anyValue = va != null;
        }
        BigDecimal periodSum = BigDecimal.ZERO;
        boolean allPeriods = periods > 0;
        for (int p = 1; p <= periods; p++) {
            String instant = row.number(MeasureColumns.period(p));
            String index = row.number(MeasureColumns.cumulativePeriod(p));
            cells.add(Family.M, MeasureColumns.period(p), instant);
            cells.add(Family.M, MeasureColumns.cumulativePeriod(p), index);
            anyValue |= instant != null || index != null;
            if (instant == null) {
                allPeriods = false;
            } else {
                periodSum = periodSum.add(new BigDecimal(instant));
            }
        }
        if (v == null && allPeriods) {
            v = DecimalText.format(periodSum);
            calc = "1";
        }
        if (v == null && !anyValue) {
            throw new RowRejected(periods > 0 ? "the row has no value: v, p1..p" + periods + " and their indexes are empty"
                    : "the row has no value: both v and va are empty");
        }
        cells.add(Family.M, MeasureColumns.V, v).add(Family.M, MeasureColumns.CALC, calc);
        cells.add(Family.M, MeasureColumns.TIME_SLOT_NAME, row.value(MeasureColumns.TIME_SLOT_NAME))
                .add(Family.M, MeasureColumns.ENERGY_COST, row.number(MeasureColumns.ENERGY_COST))
                .add(Family.M, MeasureColumns.FLAT_RATE, row.number(MeasureColumns.FLAT_RATE))
                .add(Family.M, MeasureColumns.PERIOD_KEY, row.optionalIdentifier(MeasureColumns.PERIOD_KEY));
        return cells.put();
    }
}
