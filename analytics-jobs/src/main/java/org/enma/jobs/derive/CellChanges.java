package org.enma.jobs.derive;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.hbase.client.Delete;
import org.apache.hadoop.hbase.client.Mutation;
import org.apache.hadoop.hbase.client.Put;
import org.enma.schema.Family;

/**
 * The writes that bring some cells of a measure row from what they hold to what they should hold: a Put of the cells
 * that differ, a Delete of the cells that should no longer be there. Nothing when they agree, so a rerun over
 * unchanged inputs writes nothing at all and a rerun over changed tariffs leaves no stale slot behind.
 */
public final class CellChanges {
    private static final byte[] M = Family.M.bytes();

    private CellChanges() {
    }

    /**
     * @param qualifiers the cells in question
     * @param existing   what the row holds now (cells not in {@code qualifiers} are ignored)
     * @param wanted     what it should hold; a qualifier missing here should be absent
     */
    public static List<Mutation> of(byte[] row, List<String> qualifiers, Map<String, String> existing,
                             Map<String, String> wanted) {
        Put put = new Put(row);
        Delete delete = new Delete(row);
        for (String qualifier : qualifiers) {
            String now = existing.get(qualifier);
            String then = wanted.get(qualifier);
            if (then != null && !then.equals(now)) {
                put.addColumn(M, bytes(qualifier), bytes(then));
            } else if (then == null && now != null) {
                delete.addColumns(M, bytes(qualifier));
            }
        }
        List<Mutation> changes = new ArrayList<>(2);
        if (!put.isEmpty()) {
            changes.add(put);
        }
        if (!delete.isEmpty()) {
            changes.add(delete);
        }
        return changes;
    }

    private static byte[] bytes(String text) {
        return Objects.requireNonNull(text).getBytes(StandardCharsets.UTF_8);
    }
}
