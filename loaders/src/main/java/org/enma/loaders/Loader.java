package org.enma.loaders;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Put;
import org.enma.schema.CompanyId;
import org.enma.schema.TableCreator;

/**
 * The load engine, one for every input kind: read records, check them, map them to cells, write them through a
 * BufferedMutator. A bad row goes to the rejects file and the load goes on; a bad file (header, encoding of the
 * header, compression, access) stops the load before anything is written, whichever of the files it is.
 */
public final class Loader {
    private static final int PROGRESS_EVERY_ROWS = 8192;

    private final Connection connection;
    private final TableCreator creator;
    private final ZoneId zone;
    private final Clock clock;
    private final LoadProgress progress;
    private final Optional<String> bulkStaging;

    public Loader(Connection connection, TableCreator creator, ZoneId zone, Clock clock,
                  LoadProgress progress) {
        this(connection, creator, zone, clock, progress, Optional.empty());
    }

    private Loader(Connection connection, TableCreator creator, ZoneId zone, Clock clock,
                   LoadProgress progress, Optional<String> bulkStaging) {
        this.connection = connection;
        this.creator = creator;
        this.zone = zone;
        this.clock = clock;
        this.progress = progress;
        this.bulkStaging = bulkStaging;
    }

    /**
     * The same loader writing HFiles under {@code stagingRoot} (a directory the region servers can read: local for
     * the embedded stack, {@code hdfs://...} for a cluster) and bulk-loading them, instead of sending Puts.
     */
    public Loader bulk(String stagingRoot) {
        return new Loader(connection, creator, zone, clock, progress, Optional.of(stagingRoot));
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
        TableName table = creator.ensure(kind.table(company.orElse(null), type));
        long totalBytes = inputs.stream().mapToLong(InputFile::size).sum();
        AtomicLong bytesRead = new AtomicLong();
        KeyFingerprints seen = new KeyFingerprints();
        Timestamps timestamps = new Timestamps(zone, clock);
        List<FileLoad> loads = new ArrayList<>();
        try (CellSink sink = bulkStaging.isPresent() ? new HFileSink(connection, table, bulkStaging.get())
                : new MutatorSink(connection, table)) {
            long rowsBefore = 0;
            for (InputFile input : inputs) {
                FileLoad load = loadFile(input, kind, company.orElse(null), timestamps, sink, seen, bytesRead,
                        totalBytes, rowsBefore);
                rowsBefore += load.report().read();
                loads.add(load);
            }
        } finally {
            progress.done();
        }
        return new LoadResult(loads, Duration.ofNanos(System.nanoTime() - started));
    }

    private FileLoad loadFile(InputFile input, InputKind kind, CompanyId company, Timestamps timestamps,
                              CellSink sink, KeyFingerprints seen, AtomicLong bytesRead, long totalBytes,
                              long rowsBefore) throws IOException {
        long read = 0;
        long stored = 0;
        long rejected = 0;
        long duplicates = 0;
        long started = System.nanoTime();
        CharsetDecoder utf8 = strictUtf8();
        try (RecordReader reader = new RecordReader(input.open(bytesRead));
             RejectsFile rejects = new RejectsFile(input.path())) {
            Header header = header(input, kind, reader.next(), utf8);
            RowMapper mapper = kind.mapper(company, timestamps, header);
            for (RawRecord record = reader.next(); record != null; record = reader.next()) {
                read++;
                try {
                    Put put = mapper.map(new Row(header, fields(record, header, utf8)));
                    boolean duplicate = seen.addAndCheckSeen(put.getRow());
                    if (duplicate) {
                        duplicates++;
                    }
                    sink.write(put, duplicate);
                    stored++;
                } catch (RowRejected reason) {
                    rejected++;
                    rejects.reject(record.line(), reason.getMessage(),
                            new String(record.bytes(), StandardCharsets.UTF_8));
                }
                if (read % PROGRESS_EVERY_ROWS == 0) {
                    progress.update(rowsBefore + read, bytesRead.get(), totalBytes);
                }
            }
            progress.update(rowsBefore + read, bytesRead.get(), totalBytes);
            return new FileLoad(input.path(), new LoadReport(read, stored, rejected, duplicates),
                    Duration.ofNanos(System.nanoTime() - started),
                    rejects.written() ? Optional.of(rejects.path()) : Optional.empty());
        }
    }

    private static String[] fields(RawRecord record, Header header, CharsetDecoder utf8) throws RowRejected {
        if (record.unbalancedQuote()) {
            throw new RowRejected("unbalanced quote: a quoted field does not close on this line");
        }
        String[] fields = CsvFields.split(decode(record.bytes(), utf8));
        if (fields.length != header.size()) {
            throw new RowRejected((fields.length < header.size() ? "too few" : "too many") + " fields: expected "
                    + header.size() + ", found " + fields.length);
        }
        return fields;
    }

    private static void readHeader(InputFile input, InputKind kind) throws IOException {
        try (RecordReader reader = new RecordReader(input.open(new AtomicLong()))) {
            header(input, kind, reader.next(), strictUtf8());
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
            return Header.of(CsvFields.split(decode(record.bytes(), utf8)), kind.columns());
        } catch (RowRejected e) {
            throw new FileRejected(input.path() + ": the header row cannot be read: " + e.getMessage());
        } catch (FileRejected e) {
            throw new FileRejected(input.path() + ": " + e.getMessage());
        }
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String decode(byte[] bytes, CharsetDecoder utf8) throws RowRejected {
        try {
            return utf8.reset().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RowRejected("invalid UTF-8 in the row");
        }
    }
}
