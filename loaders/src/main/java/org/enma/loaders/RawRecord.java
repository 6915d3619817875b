package org.enma.loaders;

/**
 * One CSV record as it stood in the file: its bytes (line end removed) and the line it starts on. A record whose
 * quote never closed is cut back to its first line and flagged, so the load resumes on the next line.
 */
record RawRecord(long line, byte[] bytes, boolean unbalancedQuote) {
}
