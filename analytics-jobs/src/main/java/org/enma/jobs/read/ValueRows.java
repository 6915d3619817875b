package org.enma.jobs.read;

import java.io.Closeable;
import java.util.Iterator;

/** Rows as plain values, read as they are handed over; closing releases what the read holds (a scanner). */
public interface ValueRows extends Iterator<Object[]>, Closeable {
    /** Rows handed over as another iterator reads them, which releases what it holds itself (at the task's end). */
    static ValueRows of(Iterator<Object[]> all) {
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
                // the iterator's own
            }
        };
    }
}
