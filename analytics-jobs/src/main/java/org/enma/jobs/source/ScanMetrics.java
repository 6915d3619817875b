package org.enma.jobs.source;

import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * The counts a scan of the {@code enma} source reports beside Spark's own (in the Spark UI's SQL tab and the executed
 * plan's metrics): rows the HBase region servers scanned, and measures left out for a bad cell.
 */
final class ScanMetrics {
    static final String ROWS_SCANNED = "rowsScanned";
    static final String BAD_CELLS = "badCells";

    private ScanMetrics() {
    }

    static CustomMetric[] supported() {
        return new CustomMetric[] {new RowsScanned(), new BadCellsSkipped()};
    }

    static CustomTaskMetric[] of(long rowsScanned, long badCells) {
        return new CustomTaskMetric[] {task(ROWS_SCANNED, rowsScanned), task(BAD_CELLS, badCells)};
    }

    private static CustomTaskMetric task(String name, long value) {
        return new CustomTaskMetric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long value() {
                return value;
            }
        };
    }

    /** Rows HBase read for the scan: with pushed time ranges and ids, about the rows returned. */
    public static final class RowsScanned extends CustomSumMetric {
        @Override
        public String name() {
            return ROWS_SCANNED;
        }

        @Override
        public String description() {
            return "rows scanned by HBase";
        }
    }

    /** Measures skipped because a number cell held no number. */
    public static final class BadCellsSkipped extends CustomSumMetric {
        @Override
        public String name() {
            return BAD_CELLS;
        }

        @Override
        public String description() {
            return "measures skipped for a bad cell";
        }
    }
}
