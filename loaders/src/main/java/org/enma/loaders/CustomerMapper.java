package org.enma.loaders;

import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.apache.hadoop.hbase.client.Put;
import org.enma.schema.CompanyId;
import org.enma.schema.CompanyKey;
import org.enma.schema.CustomerColumns;

/**
 * Customer rows: each attribute into its one family. Ids that later join other tables ({@code tariffId},
 * {@code weatherStationId}) follow the identifier rule; dates are stored as ISO-8601 UTC.
 */
final class CustomerMapper implements RowMapper {
    static final Set<String> IDENTIFIERS = Set.of(CustomerColumns.TARIFF_ID, CustomerColumns.WEATHER_STATION_ID);
    static final Set<String> DATES = Set.of("dateStart", "dateEnd", "activeUserDate", "last_access");

    private final CompanyId company;
    private final Timestamps timestamps;

    CustomerMapper(CompanyId company, Timestamps timestamps) {
        this.company = company;
        this.timestamps = timestamps;
    }

    @Override
    public Put map(Row row) throws RowRejected {
        Cells cells = new Cells(CompanyKey.of(company, row.identifier(ConsumptionMapper.CONTRACT_ID)).encode());
        for (String column : row.header().columns()) {
            if (column.equals(ConsumptionMapper.CONTRACT_ID)) {
                continue;
            }
            String value = IDENTIFIERS.contains(column) ? row.optionalIdentifier(column)
                    : DATES.contains(column) ? date(row, column) : row.value(column);
            cells.add(CustomerColumns.familyOf(column).orElseThrow(), column, value);
        }
        return cells.put();
    }

    private String date(Row row, String column) throws RowRejected {
        String text = row.value(column);
        return text == null ? null : DateTimeFormatter.ISO_INSTANT.format(timestamps.instant(column, text));
    }
}
