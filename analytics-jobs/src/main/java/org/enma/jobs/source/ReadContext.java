package org.enma.jobs.source;

import java.io.Serializable;
import java.time.ZoneId;
import org.apache.spark.sql.types.StructType;
import org.enma.config.Endpoints;
import org.enma.jobs.read.BadCells;
import org.enma.schema.TableNames;

/**
 * What every reader of one scan needs, sent with each task: the table, where the stores are, the deployment's zone,
 * the columns asked for, and the accumulator bad cells are counted in.
 */
record ReadContext(SourceTable table, Endpoints endpoints, ZoneId zone, String namespace, StructType readSchema,
                   BadCells badCells) implements Serializable {
    TableNames names() {
        return new TableNames(namespace);
    }

    String hbaseTable() {
        return names().of(table.table()).getNameAsString();
    }
}
