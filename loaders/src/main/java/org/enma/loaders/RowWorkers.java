package org.enma.loaders;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.hadoop.hbase.client.Put;
import org.enma.schema.ContractDay;

/**
 * Decodes, splits and maps records on every core, in chunks of {@value #CHUNK_ROWS}, and hands each chunk back in
 * upload order: whatever follows (duplicate counting, the sink, the rejects file) sees the rows one by one as they
 * stood in the file, so a later duplicate still wins and rejects keep their line order. Parsing is most of a load's
 * CPU; on one thread it was the bulk path's bottleneck. At most {@code 2 × threads} chunks wait, so memory is bounded.
 */
final class RowWorkers implements AutoCloseable {
    static final int CHUNK_ROWS = 2048;

    /**
     * What became of one chunk's records: for each, its Put, or the reason it was rejected; and the contract-days of its
     * Puts ({@link DayRecorder#daysOf}).
     */
    record MappedChunk(List<RawRecord> records, Put[] puts, String[] reasons, List<ContractDay> days) {
    }

    /** Receives the mapped chunks in upload order. */
    interface ChunkConsumer {
        void accept(MappedChunk chunk) throws IOException;
    }

    private final ExecutorService pool;
    private final int maxWaiting;

    RowWorkers(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "enma-row-worker");
            t.setDaemon(true);
            return t;
        });
        this.maxWaiting = 2 * threads;
    }

    /**
     * A pass over one file's records: {@link #add} each, then {@link #finish}; {@code days} gives the contract-days of a
     * chunk's Puts, computed by the workers beside the mapping.
     */
    Pass pass(Header header, RowMapper mapper, Function<Put[], List<ContractDay>> days, ChunkConsumer consumer) {
        return new Pass(header, mapper, days, consumer);
    }

    final class Pass {
        private final Header header;
        private final RowMapper mapper;
        private final Function<Put[], List<ContractDay>> days;
        private final ChunkConsumer consumer;
        private final ArrayDeque<Future<MappedChunk>> waiting = new ArrayDeque<>();
        private List<RawRecord> chunk = new ArrayList<>(CHUNK_ROWS);

        private Pass(Header header, RowMapper mapper, Function<Put[], List<ContractDay>> days,
                     ChunkConsumer consumer) {
            this.header = header;
            this.mapper = mapper;
            this.days = days;
            this.consumer = consumer;
        }

        void add(RawRecord record) throws IOException {
            chunk.add(record);
            if (chunk.size() == CHUNK_ROWS) {
                submit();
            }
            while (waiting.size() > maxWaiting) {
                consumer.accept(next());
            }
        }

        /** Maps what is left and hands every chunk over. */
        void finish() throws IOException {
            submit();
            while (!waiting.isEmpty()) {
                consumer.accept(next());
            }
        }

        private void submit() {
            if (chunk.isEmpty()) {
                return;
            }
            List<RawRecord> records = chunk;
            waiting.add(pool.submit(() -> map(records, header, mapper, days)));
            chunk = new ArrayList<>(CHUNK_ROWS);
        }

        private MappedChunk next() throws IOException {
            // Row-level problems are RowRejected and come back in the chunk: a failure here is a fault in a mapper.
            return Awaited.get(waiting.poll(), "mapping rows");
        }
    }

    private static MappedChunk map(List<RawRecord> records, Header header, RowMapper mapper,
                                   Function<Put[], List<ContractDay>> days) {
        CharsetDecoder utf8 = strictUtf8();
        Put[] puts = new Put[records.size()];
        String[] reasons = new String[records.size()];
        for (int i = 0; i < puts.length; i++) {
            try {
                puts[i] = mapper.map(new Row(header, fields(records.get(i), header, utf8)));
            } catch (RowRejected reason) {
                reasons[i] = reason.getMessage();
            }
        }
        return new MappedChunk(records, puts, reasons, days.apply(puts));
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

    static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    static String decode(byte[] bytes, CharsetDecoder utf8) throws RowRejected {
        try {
            return utf8.reset().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RowRejected("invalid UTF-8 in the row");
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
