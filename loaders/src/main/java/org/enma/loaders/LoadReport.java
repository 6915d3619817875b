package org.enma.loaders;

/**
 * The counts of a load. {@code read = stored + rejected} always; {@code duplicates} counts stored rows whose key an
 * earlier row of the same load already had (the later row's cells win).
 */
public record LoadReport(long read, long stored, long rejected, long duplicates) {
    public static final LoadReport EMPTY = new LoadReport(0, 0, 0, 0);

    public LoadReport plus(LoadReport other) {
        return new LoadReport(read + other.read, stored + other.stored, rejected + other.rejected,
                duplicates + other.duplicates);
    }

    /** The summary line scripts rely on (docs/cli.md). */
    public String summaryLine() {
        return "read=" + read + " stored=" + stored + " rejected=" + rejected + " duplicates=" + duplicates;
    }
}
