package org.enma.jobs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.enma.jobs.common.ContractTime;
import org.enma.jobs.read.Measure;
import scala.Tuple2;

/**
 * A task's measures sorted by contract and time, handed to a {@link JobContext.SeriesJob} one contract at a time:
 * only the contract at hand is held.
 */
final class ContractSeries implements Iterator<Outcome> {
    private final Iterator<Tuple2<ContractTime, Measure>> sorted;
    private final JobContext.SeriesJob job;
    private final List<Measure> series = new ArrayList<>();
    private Tuple2<ContractTime, Measure> ahead;

    ContractSeries(Iterator<Tuple2<ContractTime, Measure>> sorted, JobContext.SeriesJob job) {
        this.sorted = sorted;
        this.job = job;
        this.ahead = sorted.hasNext() ? sorted.next() : null;
    }

    @Override
    public boolean hasNext() {
        return ahead != null;
    }

    @Override
    public Outcome next() {
        if (ahead == null) {
            throw new NoSuchElementException();
        }
        String contract = ahead._1().contractId();
        series.clear();
        while (ahead != null && ahead._1().contractId().equals(contract)) {
            series.add(ahead._2());
            ahead = sorted.hasNext() ? sorted.next() : null;
        }
        return job.of(contract, List.copyOf(series));
    }
}
