package org.enma.jobs.rollup;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CompareOperator;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.FilterList;
import org.apache.hadoop.hbase.filter.KeyOnlyFilter;
import org.apache.hadoop.hbase.filter.RegexStringComparator;
import org.apache.hadoop.hbase.filter.RowFilter;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.util.TaskCompletionListener;
import org.enma.config.Endpoints;
import org.enma.jobs.read.EnmaData;
import org.enma.jobs.read.MappedIterator;
import org.enma.jobs.read.SharedConnections;
import org.enma.schema.Period;
import org.enma.schema.PeriodKey;
import scala.Tuple2;

/**
 * What a rollup learns from the keys of the contract rows already in a period table, by one Spark task per salt: a
 * scan of the families asked for, keys only, the rows of the starts asked for picked by the region servers (the
 * company total's rows never match). Nothing per contract reaches the driver.
 */
final class PeriodKeyScans {
    private PeriodKeyScans() {
    }

    /**
     * The contract-days among {@code days} that have a stored {@code DAY} row: a rollup that redoes whole days must
     * visit them even when their contract has no reading left, to remove their rows. Streamed from the scans.
     */
    static JavaPairRDD<String, LocalDate> storedDays(EnmaData data, String table, Set<LocalDate> days) {
        List<LocalDateTime> starts = days.stream().map(LocalDate::atStartOfDay).toList();
        return perSalt(data, table, List.of(Period.DAY), starts, rows -> MappedIterator.of(rows, row -> {
            PeriodKey key = PeriodKey.decode(row.getRow());
            return new Tuple2<>(key.contractId(), key.start().toLocalDate());
        }));
    }

    /**
     * How many contracts have a row of each week, month, quarter and year containing {@code days}: the rows whose
     * start is one of those periods', counted by family and start in each task and summed by the driver.
     */
    static PeriodTree.ContractCount contractCounts(EnmaData data, String table, Set<LocalDateTime> days) {
        List<Period> periods = List.of(Period.WEEK, Period.MONTH, Period.QUARTER, Period.YEAR);
        Map<Period, Set<LocalDateTime>> starts = new HashMap<>();
        Set<LocalDateTime> every = new TreeSet<>();
        for (Period period : periods) {
            Set<LocalDateTime> of = new TreeSet<>();
            days.forEach(d -> of.add(period.startOf(d)));
            starts.put(period, of);
            every.addAll(of);
        }
        // each task's counts by period and start (a few per start: summed here) keyed by the period's name
        Map<Tuple2<String, LocalDateTime>, Long> counts = new HashMap<>();
        perSalt(data, table, periods, every, rows -> {
            Map<Tuple2<String, LocalDateTime>, Long> perStart = new HashMap<>();
            rows.forEachRemaining(row -> {
                LocalDateTime start = PeriodKey.startOf(row.getRow());
                Set<Period> families = EnumSet.noneOf(Period.class);
                for (Cell cell : row.rawCells()) {
                    families.add(Period.ofFamily(cell.getFamilyArray(), cell.getFamilyOffset(),
                            cell.getFamilyLength()));
                }
                for (Period period : families) {
                    // a row's start may be one period's and not another's (a week beginning on a month's first)
                    if (starts.get(period).contains(start)) {
                        perStart.merge(new Tuple2<>(period.name(), start), 1L, Long::sum);
                    }
                }
            });
            return MappedIterator.of(perStart.entrySet().iterator(), e -> new Tuple2<>(e.getKey(), e.getValue()));
        }).collect().forEach(count -> counts.merge(count._1(), count._2(), Long::sum));
        return (period, start) -> counts.getOrDefault(new Tuple2<>(period.name(), start), 0L);
    }

    /**
     * Each salt's rows with a cell of {@code families} and a start among {@code starts}, keys only, as the scanner
     * hands them to {@code map} (closed when the task ends).
     */
    private static <K, V> JavaPairRDD<K, V> perSalt(EnmaData data, String table, List<Period> families,
                                                     Collection<LocalDateTime> starts,
                                                     PairFlatMapFunction<Iterator<Result>, K, V> map) {
        JavaSparkContext spark = new JavaSparkContext(data.spark().sparkContext());
        if (starts.isEmpty()) {
            return spark.<Tuple2<K, V>>emptyRDD().mapToPair(t -> t);
        }
        Endpoints where = data.endpoints();
        String pattern = PeriodKey.startsPattern(starts);
        List<byte[]> familyNames = families.stream().map(p -> p.family().bytes()).toList();
        List<Integer> salts = new ArrayList<>();
        for (int salt = 0; salt < PeriodKey.SALTS; salt++) {
            salts.add(salt);
        }
        return spark.parallelize(salts, salts.size()).flatMapToPair(salt -> {
            Scan rows = new Scan().setRowPrefixFilter(PeriodKey.saltPrefix(salt)).setCaching(5000)
                    .setCacheBlocks(false).setFilter(new FilterList(new RowFilter(CompareOperator.EQUAL,
                            new RegexStringComparator(pattern)), new KeyOnlyFilter()));
            familyNames.forEach(rows::addFamily);
            Table t = SharedConnections.of(where).getTable(TableName.valueOf(table));
            ResultScanner scanner = t.getScanner(rows);
            TaskContext.get().addTaskCompletionListener((TaskCompletionListener) context -> {
                try (t; scanner) {
                    // closed, the scanner first, however the task ended
                } catch (IOException ignored) {
                    // a read-only scan: closing it late or not at all loses nothing
                }
            });
            return map.call(scanner.iterator());
        });
    }
}
