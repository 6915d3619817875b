package org.enma.loaders;

import org.apache.hadoop.hbase.client.Put;
import org.enma.schema.Family;
import org.enma.schema.MeasureColumns;
import org.enma.schema.MeasureKey;

/** Weather measures: {@code stationId}, {@code timestamp}, {@code v}, keyed like consumption by station. */
final class WeatherMapper implements RowMapper {
    static final String STATION_ID = "stationId";

    private final Timestamps timestamps;

    WeatherMapper(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    @Override
    public Put map(Row row) throws RowRejected {
        String stationId = row.identifier(STATION_ID);
        long timestamp = timestamps.parse(ConsumptionMapper.TIMESTAMP, row.required(ConsumptionMapper.TIMESTAMP));
        String v = row.number(MeasureColumns.V);
        if (v == null) {
            throw new RowRejected("v is empty");
        }
        return new Cells(MeasureKey.of(timestamp, stationId).encode()).add(Family.M, MeasureColumns.V, v).put();
    }
}
