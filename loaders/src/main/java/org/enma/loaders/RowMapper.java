package org.enma.loaders;

import org.apache.hadoop.hbase.client.Put;

/**
 * Turns one validated row of an input kind into the cells of docs/data-model.md, or says why it cannot. Called from
 * several threads at once ({@link RowWorkers}): a mapper keeps no state between rows.
 */
interface RowMapper {
    Put map(Row row) throws RowRejected;
}
