package org.enma.jobs.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.hbase.client.BufferedMutator;
import org.apache.hadoop.hbase.client.Mutation;
import org.enma.jobs.common.ContractTime;
import org.enma.jobs.common.Walk;
import org.enma.jobs.derive.TariffSlot;
import org.enma.jobs.derive.TariffSlots;
import org.enma.jobs.read.Measure;
import org.enma.jobs.validate.Validate.Step;
import org.enma.jobs.validate.Validate.Walked;
import org.enma.schema.ContractDay;

/**
 * One Spark task's walk along its contracts, each one's customer first (tariff and power) and then its measures in
 * time order: gathers a contract's measures, validates them ({@link ContractCheck}), writes the measure cells and the
 * trust rows it changed, and hands on each contract-day it changed (for the rollup) and at the end its contracts' sums
 * of each day (for the company's totals) and its counts. One contract's measures are held at a time.
 */
final class ValidateWalk extends Walk<scala.Tuple2<ContractTime, Step>, Walked> {
    private final TariffSlots tariffs;
    private final Set<LocalDate> days;
    private final ZoneId zone;
    private final long now;
    private final Thresholds thresholds;
    private final BufferedMutator measuresOut;
    private final BufferedMutator trustOut;
    private final ValidateCounts counts = new ValidateCounts();
    private final List<Measure> series = new ArrayList<>();
    /** The company's part of each day from this task's contracts: per-day sums, few however many contracts. */
    private final Map<LocalDate, TrustDay> companyDays = new HashMap<>();
    private String contract;
    private List<TariffSlot> slots = List.of();
    private Double power;

    ValidateWalk(Iterator<scala.Tuple2<ContractTime, Step>> sorted, TariffSlots tariffs, Set<LocalDate> days,
                 ZoneId zone, long now, Thresholds thresholds, BufferedMutator measuresOut,
                 BufferedMutator trustOut) {
        super(sorted);
        this.tariffs = tariffs;
        this.days = days;
        this.zone = zone;
        this.now = now;
        this.thresholds = thresholds;
        this.measuresOut = measuresOut;
        this.trustOut = trustOut;
    }

    @Override
    protected void take(scala.Tuple2<ContractTime, Step> step) {
        if (!step._1().contractId().equals(contract)) {
            validate();
            contract = step._1().contractId();
            slots = List.of();
            power = null;
        }
        Step s = step._2();
        if (s.measure() == null) {
            slots = tariffs.of(s.tariffId());
            power = s.power();
            return;
        }
        series.add(s.measure());
    }

    /** Validates the contract gathered so far, if any, and writes what it found. */
    private void validate() {
        if (series.isEmpty()) {
            return;
        }
        ContractCheck.Verdict verdict = new ContractCheck(contract, series, days::contains, power, slots, zone, now,
                thresholds).run();
        series.clear();
        counts.measures += verdict.measures();
        long stamp = System.currentTimeMillis();
        for (Mutation m : verdict.writes()) {
            write(measuresOut, m);
        }
        for (TrustDay day : verdict.days()) {
            write(trustOut, day.olderRules(stamp));
            write(trustOut, day.put(stamp));
            counts.count(day);
            companyDays.merge(day.day(), day.companyPart(), TrustDay::plus);
        }
        verdict.changed().forEach(d -> emit(new Walked(null, null, new ContractDay(contract, d))));
    }

    /** The last contract validated, everything written, the counts handed on. */
    @Override
    protected void finish() {
        validate();
        try {
            measuresOut.close();
            trustOut.close();
        } catch (IOException e) {
            throw new UncheckedIOException("writing validation results failed: " + e.getMessage(), e);
        }
        companyDays.values().forEach(day -> emit(new Walked(null, day, null)));
        emit(new Walked(counts, null, null));
    }

    private static void write(BufferedMutator out, Mutation mutation) {
        try {
            out.mutate(mutation);
        } catch (IOException e) {
            throw new UncheckedIOException("writing validation results to " + out.getName() + " failed: "
                    + e.getMessage(), e);
        }
    }
}
