package org.enma.loaders;

/** A row that cannot be stored; the message is the reason written to the rejects file. */
final class RowRejected extends Exception {
    RowRejected(String reason) {
        super(reason, null, false, false);
    }
}
