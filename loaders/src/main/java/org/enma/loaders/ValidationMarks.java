package org.enma.loaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.client.Put;
import org.enma.schema.EnmaTable;
import org.enma.schema.Family;
import org.enma.schema.MeasureColumns;
import org.enma.schema.TableCreator;

/**
 * What an upload of {@code v} deletes beside it (docs/data-model.md): the {@code est}, {@code q} and {@code raw} that
 * validation wrote for the same key, so that a corrected value replaces an estimate. Only once the table has been
 * validated — its trust table exists, which {@code enma validate} creates before it writes anything — do rows carry
 * these markers: a table never validated has none of those cells to delete, and its loads send no more than before.
 */
final class ValidationMarks {
    static final ValidationMarks NONE = new ValidationMarks(false);
    private static final byte[] M = Family.M.bytes();
    private static final byte[] V = bytes(MeasureColumns.V);
    private static final List<byte[]> CLEARED = MeasureColumns.VEE.stream().map(ValidationMarks::bytes).toList();

    private final boolean validated;

    private ValidationMarks(boolean validated) {
        this.validated = validated;
    }

    /** The marks of a load into {@code target}: consumption tables that have a trust table get them. */
    static ValidationMarks of(TableCreator creator, EnmaTable target) throws IOException {
        return target.kind().consumption() && creator.exists(EnmaTable.trustOf(target)) ? new ValidationMarks(true)
                : NONE;
    }

    /** The delete markers, stamped {@code stamp}, that go with {@code put}: none unless it uploads a {@code v}. */
    List<KeyValue> of(Put put, long stamp) {
        if (!validated || !put.has(M, V)) {
            return List.of();
        }
        return CLEARED.stream().map(q -> new KeyValue(put.getRow(), M, q, stamp, KeyValue.Type.DeleteColumn))
                .toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
