package org.enma.jobs.rollup;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.hadoop.hbase.client.Table;
import org.enma.jobs.common.LocalHours;
import org.enma.jobs.read.Measure;
import org.enma.schema.MeasureColumns;
import org.enma.schema.Period;
import scala.Tuple2;

/**
 * One Spark task's share of a rollup: its readings in contract and time order (a contract's all in this task, behind
 * the days recorded for it alone), summed into the contract's hours and days one contract at a time; the contract's
 * period rows of the days to do are then written ({@link PeriodTree}). Every reading counts towards the company's
 * hours and days, done or not: a company total is a sum over all contracts. What the task hands on is a {@link Sums}:
 * its counts and its contracts' part of the company's hours and days — as many figures as the hours read, however
 * many contracts the task had.
 */
final class PeriodWalk {
    /**
     * What the rollup keeps of a measure: the texts it sums, whether it is an estimate; {@code periods} null without
     * tou/tertiary values (a null costs the shuffle one byte, an empty map a serialized object per reading).
     */
    record Reading(String v, String energyCost, Map<Integer, String> periods, boolean estimated)
            implements Serializable {
        static Reading of(Measure m) {
            Map<Integer, String> periods = new HashMap<>();
            m.texts().forEach((q, text) -> MeasureColumns.periodNumber(q).ifPresent(n -> periods.put(n, text)));
            return new Reading(m.text(MeasureColumns.V).orElseThrow(), m.text(MeasureColumns.ENERGY_COST).orElse(null),
                    periods.isEmpty() ? null : periods, m.text(MeasureColumns.EST).isPresent());
        }
    }

    /** What the shuffle brings: a reading, or (sorted before them) a day recorded for the contract alone. */
    record Step(Reading reading, LocalDate listed) implements Serializable {
        static Step of(Reading reading) {
            return new Step(reading, null);
        }

        static Step listed(LocalDate day) {
            return new Step(null, day);
        }
    }

    /**
     * A task's counts (contract-days redone, contract rows written), its contracts' part of the company total of
     * each hour and day (each contract's figures as stored, counted as one contract) and the HFiles it wrote, by
     * family.
     */
    record Sums(long days, long rows, Map<LocalDateTime, PeriodFigures> companyHours,
                Map<LocalDateTime, PeriodFigures> companyDays, Map<String, List<String>> files)
            implements Serializable {
        Sums withFiles(Map<String, List<String>> written) {
            return new Sums(days, rows, companyHours, companyDays, written);
        }
    }

    private final LocalHours local;
    /** The days to do for every contract; null: every day read (a rebuild). */
    private final Set<LocalDate> whole;
    private final Table table;
    private final PeriodCells out;
    private final Map<LocalDateTime, PeriodFigures> companyHours = new HashMap<>();
    private final Map<LocalDateTime, PeriodFigures> companyDays = new HashMap<>();
    private long days;
    private long rows;

    private PeriodWalk(LocalHours local, Set<LocalDate> whole, Table table, PeriodCells out) {
        this.local = local;
        this.whole = whole;
        this.table = table;
        this.out = out;
    }

    /**
     * Walks {@code sorted} (by {@link PeriodPlace#ORDER}, each contract whole), writing through {@code out} the rows
     * of the contract-days to do: those of the {@code whole} days (null: every day) and those listed.
     */
    static Sums walk(Iterator<Tuple2<PeriodPlace, Step>> sorted, LocalHours local, Set<LocalDate> whole, Table table,
                     PeriodCells out) throws IOException {
        PeriodWalk walk = new PeriodWalk(local, whole, table, out);
        PeriodPlace contract = null;
        NavigableMap<LocalDateTime, PeriodFigures> hours = new TreeMap<>();
        Set<LocalDate> listed = new HashSet<>();
        while (sorted.hasNext()) {
            Tuple2<PeriodPlace, Step> next = sorted.next();
            if (contract == null || !next._1().sameContract(contract)) {
                walk.finish(contract, hours, listed);
                contract = next._1();
                hours = new TreeMap<>();
                listed = new HashSet<>();
            }
            Step step = next._2();
            if (step.listed() != null) {
                listed.add(step.listed());
            } else {
                Reading r = step.reading();
                hours.computeIfAbsent(local.of(next._1().timestamp()), h -> new PeriodFigures())
                        .add(r.v(), r.energyCost(), r.periods(), r.estimated());
            }
        }
        walk.finish(contract, hours, listed);
        return new Sums(walk.days, walk.rows, walk.companyHours, walk.companyDays, Map.of());
    }

    /** Adds a contract's {@code hours} to the company's and writes its periods of the days to do. */
    private void finish(PeriodPlace contract, NavigableMap<LocalDateTime, PeriodFigures> hours,
                        Set<LocalDate> listed) throws IOException {
        NavigableMap<LocalDateTime, PeriodFigures> contractDays = new TreeMap<>();
        hours.forEach((hour, f) -> {
            contractDays.computeIfAbsent(Period.DAY.startOf(hour), d -> new PeriodFigures()).add(f);
            companyHours.computeIfAbsent(hour, h -> new PeriodFigures()).addContract(f);
        });
        contractDays.forEach((day, f) -> companyDays.computeIfAbsent(day, d -> new PeriodFigures()).addContract(f));
        Predicate<LocalDateTime> toDo = start -> whole == null || whole.contains(start.toLocalDate())
                || listed.contains(start.toLocalDate());
        NavigableMap<LocalDateTime, PeriodFigures> daysToDo = only(contractDays, toDo);
        // a day to redo without a reading left: its rows go
        listed.forEach(day -> daysToDo.putIfAbsent(day.atStartOfDay(), new PeriodFigures()));
        if (!daysToDo.isEmpty()) {
            days += daysToDo.size();
            rows += PeriodTree.write(table, out, contract.contractId(), only(hours, toDo), daysToDo, null).size();
        }
    }

    private static NavigableMap<LocalDateTime, PeriodFigures> only(NavigableMap<LocalDateTime, PeriodFigures> figures,
                                                                   Predicate<LocalDateTime> toDo) {
        NavigableMap<LocalDateTime, PeriodFigures> kept = new TreeMap<>();
        figures.forEach((start, f) -> {
            if (toDo.test(start)) {
                kept.put(start, f);
            }
        });
        return kept;
    }
}
