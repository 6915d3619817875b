package org.enma.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.MeasureKey;
import org.enma.schema.TableCreator;
import org.enma.schema.TableNames;
import org.enma.testing.EnmaStackExtension;
import org.enma.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The classpath the analytics issue builds on: Spark local and the HBase mini cluster in one JVM (docs/stack.md's pins),
 * a Dataset made from rows read out of HBase and summed by Spark SQL, with the JVM's shared SparkSession.
 */
@ExtendWith(EnmaStackExtension.class)
class SparkBesideHBaseIT {

    @Test
    void sparkSumsRowsReadFromHBase(TestStack stack, SparkSession spark) throws IOException {
        TableNames names = new TableNames(stack.namespace());
        EnmaTable table = EnmaTable.consumption("electricityConsumption", CompanyId.of("1111111111"));
        new TableCreator(stack.connection().getAdmin(), names, Compression.Algorithm.GZ).ensure(table);
        List<Double> values = new ArrayList<>();
        try (Table t = stack.connection().getTable(names.of(table))) {
            for (int h = 1; h <= 24; h++) {
                t.put(new Put(MeasureKey.of(1372636800L + h * 3600L, "CHBB").encode())
                        .addColumn(Bytes.toBytes("m"), Bytes.toBytes("v"), Bytes.toBytes("0.5")));
            }
            try (ResultScanner scanner = t.getScanner(new Scan())) {
                for (Result r : scanner) {
                    values.add(Double.parseDouble(Bytes.toString(r.getValue(Bytes.toBytes("m"), Bytes.toBytes("v")))));
                }
            }
        }
        Dataset<Double> v = spark.createDataset(values, Encoders.DOUBLE());
        v.createOrReplaceTempView("consumption");
        // 24 hourly readings of 0.5 kWh
        assertThat(spark.sql("SELECT SUM(value) AS c, COUNT(*) AS n FROM consumption").first().getDouble(0))
                .isEqualTo(12.0);
    }
}
