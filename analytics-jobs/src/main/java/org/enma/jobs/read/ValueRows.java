package org.enma.jobs.read;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/** Rows as plain values, read as they are handed over; closing releases what the read holds (a scanner). */
public interface ValueRows extends Iterator<Object[]>, Closeable {
    /** Rows already read whole (small tables): nothing to release. */
    static ValueRows of(List<Object[]> rows) {
        Iterator<Object[]> all = rows.iterator();
        return new ValueRows() {
            @Override
            public boolean hasNext() {
                return all.hasNext();
            }

            @Override
            public Object[] next() {
                return all.next();
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
