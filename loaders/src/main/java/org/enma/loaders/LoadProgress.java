package org.enma.loaders;

/** Receives the progress of a load (rows so far, bytes of the input files read so far and in all). */
public interface LoadProgress {
    LoadProgress NONE = new LoadProgress() {
        @Override
        public void update(long rows, long bytesRead, long bytesTotal) {
        }

        @Override
        public void done() {
        }
    };

    void update(long rows, long bytesRead, long bytesTotal);

    void done();
}
