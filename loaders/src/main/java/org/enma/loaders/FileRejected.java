package org.enma.loaders;

import org.enma.schema.EnmaException;

/** A file that cannot be loaded at all (header, encoding, compression, access): nothing of it is written. */
public final class FileRejected extends EnmaException {
    public FileRejected(String message) {
        super(message);
    }
}
