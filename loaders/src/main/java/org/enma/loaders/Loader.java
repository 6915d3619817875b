package org.enma.loaders;

import java.io.IOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Put;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.TableCreator;

/**
 * The load engine, one for every input kind: read records, check them, map them to cells, write them as batches of
 * Puts (the Put path, {@link PutSink}) or as HFiles bulk-loaded at the end ({@link #bulk}). A bad row goes to the
 * rejects file and the load goes on; a bad file (header, encoding of the header, compression, access) stops the load
 * before anything is written, whichever of the files it is. Any other failure midway aborts the sink: on the bulk path
 * nothing reaches the table, on the Put path the rows already sent stay (a rerun writes the same cells).
 */
public final class Loader {
    private static final int PROGRESS_EVERY_ROWS = 8192;
    private static final String RECORDING = "recording the days of the rows";

    private final Connection connection;
    private final TableCreator creator;
    private final ZoneId zone;
    private final Clock clock;
    private final LoadProgress progress;
    private final Optional<String> bulkStaging;
    private final LoadedDays loadedDays;

    public Loader(Connection connection, TableCreator creator, ZoneId zone, Clock clock,
                  LoadProgress progress) {
        this(connection, creator, zone, clock, progress, Optional.empty(), LoadedDays.NONE);
    }

    private Loader(Connection connection, TableCreator creator, ZoneId zone, Clock clock,
                   LoadProgress progress, Optional<String> bulkStaging, LoadedDays loadedDays) {
        this.connection = connection;
        this.creator = creator;
        this.zone = zone;
        this.clock = clock;
        this.progress = progress;
        this.bulkStaging = bulkStaging;
        this.loadedDays = loadedDays;
    }

    /** The same loader telling {@code days} which contract-days of consumption tables it is about to write. */
    public Loader tellingDays(LoadedDays days) {
        return new Loader(connection, creator, zone, clock, progress, bulkStaging, days);
    }

    /**
     * The same loader writing HFiles under {@code stagingRoot} (a directory the region servers can read: local for
     * the embedded stack, {@code hdfs://...} for a cluster) and bulk-loading them, instead of sending Puts.
     */
    public Loader bulk(String stagingRoot) {
        return new Loader(connection, creator, zone, clock, progress, Optional.of(stagingRoot), loadedDays);
    }

    /**
     * Loads {@code files} of one kind into one table. {@code company} is empty only for weather; {@code type} is the
     * measure type of consumption and weather kinds.
     */
    public LoadResult load(InputKind kind, Optional<CompanyId> company, String type, List<Path> files)
            throws IOException {
        long started = System.nanoTime();
        List<InputFile> inputs = new ArrayList<>();
        for (Path path : files) {
            InputFile input = InputFile.check(path);
            readHeader(input, kind);
            inputs.add(input);
        }
        EnmaTable target = kind.table(company.orElse(null), type);
        TargetTable table = TargetTable.open(creator, target);
        ValidationMarks marks = ValidationMarks.of(creator, target);
        long totalBytes = inputs.stream().mapToLong(InputFile::size).sum();
        AtomicLong bytesRead = new AtomicLong();
        Timestamps timestamps = new Timestamps(zone, clock);
        List<FileLoad> loads = new ArrayList<>();
        try (KeyFingerprints seen = new KeyFingerprints();
             DayRecorder days = DayRecorder.of(target, zone, loadedDays);
             RowWorkers workers = new RowWorkers(Runtime.getRuntime().availableProcessors());
             CellSink sink = bulkStaging.isPresent() ? new HFileSink(connection, table, bulkStaging.get(), marks)
                : new PutSink(connection, table.await(), marks)) {
            long rowsBefore = 0;
            List<Future<?>> recordings = new ArrayList<>();
            for (InputFile input : inputs) {
                FileLoad load = loadFile(input, kind, company.orElse(null), timestamps, sink, seen, days,
                        bytesRead, totalBytes, rowsBefore, workers, recordings);
                rowsBefore += load.report().read();
                loads.add(load);
            }
            // the bulk path's last HFiles are written while its files' last days are recorded
            sink.startCommit();
            for (Future<?> recording : recordings) {
                Awaited.get(recording, RECORDING);
            }
            sink.commit();
        } finally {
            progress.done();
        }
        return new LoadResult(loads, Duration.ofNanos(System.nanoTime() - started));
    }

    private FileLoad loadFile(InputFile input, InputKind kind, CompanyId company, Timestamps timestamps,
                              CellSink sink, KeyFingerprints seen, DayRecorder days, AtomicLong bytesRead,
                              long totalBytes,
                              long rowsBefore, RowWorkers workers, List<Future<?>> recordings)
            throws IOException {
        long started = System.nanoTime();
        try (RecordReader reader = new RecordReader(input.open(bytesRead));
             RejectsFile rejects = new RejectsFile(input.path())) {
            Header header = header(input, kind, reader.next(), RowWorkers.strictUtf8());
            FileRows rows = new FileRows(sink, seen, days, rejects, count -> progress.update(rowsBefore + count,
                    bytesRead.get(), totalBytes));
            RowWorkers.Pass pass = workers.pass(header, kind.mapper(company, timestamps, header), days.ofChunk(), rows);
            for (RawRecord record = reader.next(); record != null; record = reader.next()) {
                pass.add(record);
            }
            pass.finish();
            recordings.add(rows.flush());
            progress.update(rowsBefore + rows.read, bytesRead.get(), totalBytes);
            return new FileLoad(input.path(), new LoadReport(rows.read, rows.stored, rows.rejected, rows.duplicates),
                    Duration.ofNanos(System.nanoTime() - started),
                    rejects.written() ? Optional.of(rejects.path()) : Optional.empty());
        }
    }

    /**
     * One file's rows as the workers hand them back, in file order: each is rejected (with its line and text) or
     * checked for an earlier row with its key and written. Rows come in batches of {@value #TELL_EVERY_ROWS}: a
     * batch's new contract-days are told in one go, in the background while the next batch comes in, and its rows are
     * written once they are recorded — one recording per batch instead of one per chunk, at the cost of two batches of
     * rows in memory. A sink whose rows show only at its commit (the bulk path) takes them at once and tells their
     * days only when {@link DayRecorder#full} or at the end of the file; its load waits for the last recording just
     * before it commits. Telling every batch cost the embedded MongoDB a quarter to two thirds of a core for the whole
     * of a bulk load (a day's document rewritten once a batch: 365 updates a batch for a year's file sorted by
     * contract). Runs on the loading thread only.
     */
    private static final class FileRows implements RowWorkers.ChunkConsumer {
        static final int TELL_EVERY_ROWS = 65_536;
        private final CellSink sink;
        private final KeyFingerprints seen;
        private final DayRecorder days;
        private final RejectsFile rejects;
        private final LongConsumer rowsProgress;
        long read;
        long stored;
        long rejected;
        long duplicates;
        private List<RowWorkers.MappedChunk> held = new ArrayList<>();
        private int batchRows;
        /** The batch before: its chunks, waiting for their days to be recorded. */
        private List<RowWorkers.MappedChunk> told = List.of();
        private Future<?> recorded = CompletableFuture.completedFuture(null);

        FileRows(CellSink sink, KeyFingerprints seen, DayRecorder days, RejectsFile rejects,
                 LongConsumer rowsProgress) {
            this.sink = sink;
            this.seen = seen;
            this.days = days;
            this.rejects = rejects;
            this.rowsProgress = rowsProgress;
        }

        @Override
        public void accept(RowWorkers.MappedChunk chunk) throws IOException {
            days.add(chunk.days());
            if (sink.visibleAtCommit()) {
                write(chunk);
            } else {
                held.add(chunk);
            }
            batchRows += chunk.puts().length;
            // rows that show only at the commit need their days recorded before it, not before they are written
            if (sink.visibleAtCommit() ? days.full() : batchRows >= TELL_EVERY_ROWS) {
                nextBatch();
            }
        }

        /**
         * Tells the last rows' days, writes every row not yet written, and counts the file's last duplicates. The
         * recording of the last days, which the caller must await before the commit: a sink whose rows show only at
         * its commit does not wait for it here.
         */
        Future<?> flush() throws IOException {
            nextBatch();
            if (!sink.visibleAtCommit()) {
                writeTold();
            }
            duplicates += seen.settle();
            return recorded;
        }

        /** Tells this batch's days in the background; writes the batch before once its days are recorded. */
        private void nextBatch() throws IOException {
            Future<?> recording = days.tell();
            writeTold();
            told = held;
            recorded = recording;
            held = new ArrayList<>();
            batchRows = 0;
        }

        /** Writes the rows held of the batch before, once its days are recorded. */
        private void writeTold() throws IOException {
            Awaited.get(recorded, RECORDING);
            for (RowWorkers.MappedChunk chunk : told) {
                write(chunk);
            }
            told = List.of();
        }

        private void write(RowWorkers.MappedChunk chunk) throws IOException {
            for (int i = 0; i < chunk.puts().length; i++) {
                read++;
                Put put = chunk.puts()[i];
                if (put == null) {
                    RawRecord record = chunk.records().get(i);
                    rejected++;
                    rejects.reject(record.line(), chunk.reasons()[i],
                            new String(record.bytes(), StandardCharsets.UTF_8));
                } else {
                    boolean duplicate = seen.addAndCheckSeen(put.getRow());
                    if (duplicate) {
                        duplicates++;
                    }
                    sink.write(put, duplicate);
                    stored++;
                }
                if (read % PROGRESS_EVERY_ROWS == 0) {
                    rowsProgress.accept(read);
                }
            }
        }
    }

    private static void readHeader(InputFile input, InputKind kind) throws IOException {
        try (RecordReader reader = new RecordReader(input.open(new AtomicLong()))) {
            header(input, kind, reader.next(), RowWorkers.strictUtf8());
        }
    }

    private static Header header(InputFile input, InputKind kind, RawRecord record, CharsetDecoder utf8) {
        if (record == null) {
            throw new FileRejected(input.path() + ": the file has no header row");
        }
        try {
            if (record.unbalancedQuote()) {
                throw new RowRejected("unbalanced quote");
            }
            return Header.of(CsvFields.split(RowWorkers.decode(record.bytes(), utf8)), kind.columns());
        } catch (RowRejected e) {
            throw new FileRejected(input.path() + ": the header row cannot be read: " + e.getMessage());
        } catch (FileRejected e) {
            throw new FileRejected(input.path() + ": " + e.getMessage());
        }
    }
}
