package org.enma.loaders;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.hbase.client.Put;
import org.enma.schema.CompanyId;
import org.enma.schema.CompanyKey;
import org.enma.schema.Family;
import org.enma.schema.StationColumns;

/**
 * Weather stations. {@code lat}/{@code long} are degrees-minutes-seconds with orientation ({@code 40 57 31 N},
 * {@code 00 52 18 E}); a malformed one rejects the row, a valid one is stored with single spaces.
 */
final class StationMapper implements RowMapper {
    private static final Pattern DMS =
            Pattern.compile("([0-9]{1,3})\\s+([0-9]{1,2})\\s+([0-9]{1,2}(?:\\.[0-9]+)?)\\s*([NSEW])");
    private static final String ALTITUDE = "altitude";

    private final CompanyId company;

    StationMapper(CompanyId company) {
        this.company = company;
    }

    @Override
    public Put map(Row row) throws RowRejected {
        Cells cells = new Cells(CompanyKey.of(company, row.identifier(WeatherMapper.STATION_ID)).encode());
        for (String column : StationColumns.ALL) {
            String value = switch (column) {
                case StationColumns.LAT -> dms(column, row.value(column), "NS", 90);
                case StationColumns.LONG -> dms(column, row.value(column), "EW", 180);
                case ALTITUDE -> row.number(column);
                default -> row.value(column);
            };
            cells.add(Family.ADDRESS, column, value);
        }
        return cells.put();
    }

    static String dms(String column, String text, String orientations, int maxDegrees) throws RowRejected {
        if (text == null) {
            return null;
        }
        Matcher m = DMS.matcher(text.trim());
        if (m.matches() && orientations.contains(m.group(4))) {
            int degrees = Integer.parseInt(m.group(1));
            int minutes = Integer.parseInt(m.group(2));
            double seconds = Double.parseDouble(m.group(3));
            boolean inRange = minutes < 60 && seconds < 60
                    && (degrees < maxDegrees || (degrees == maxDegrees && minutes == 0 && seconds == 0));
            if (inRange) {
                return m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4);
            }
        }
        throw new RowRejected(column + " \"" + text + "\" is not degrees-minutes-seconds with orientation "
                + String.join("/", orientations.split("")) + " (e.g. " + (maxDegrees == 90 ? "40 57 31 N" : "00 52 18 E")
                + "), within " + maxDegrees + " degrees");
    }
}
