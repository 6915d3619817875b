package org.enma.jobs.ot103;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.enma.jobs.JobContext;
import org.enma.jobs.Outcome;
import org.enma.jobs.common.ContractMonth;
import org.enma.jobs.common.MonthlyUsage;
import org.enma.jobs.common.Usage;
import org.enma.jobs.ot101.Ot101Setup;
import org.enma.jobs.ot101.PeerAnalytic;
import org.enma.jobs.ot101.PeerComparison;
import org.enma.jobs.ot101.PeerComparison.Comparison;
import org.enma.schema.Month;

/**
 * OT103 — the last 12 months against similar and efficient customers: OT101's computation for each of M−11 … M with
 * the same parameters (one read of the 12 months), one result per contract that has an OT101 result in any of them.
 */
public final class Ot103 implements PeerAnalytic {
    @Override
    public String name() {
        return "OT103";
    }

    @Override
    public Outcome run(JobContext job) throws IOException {
        Ot101Setup setup = Ot101Setup.of(job.parameters());
        List<Month> months = new ArrayList<>();
        for (int back = 11; back >= 0; back--) {
            months.add(job.month().plusMonths(-back));
        }
        Map<String, Map<String, String>> customers = job.customers();
        MonthlyUsage usage = job.monthlyUsage(months);
        Map<Month, Map<String, Comparison>> comparisons = new TreeMap<>();
        TreeSet<String> seen = new TreeSet<>();
        for (Month month : months) {
            List<ContractMonth> company = JobContext.contractMonths(month, usage, customers);
            PeerComparison peers = new PeerComparison(setup, company);
            Map<String, Comparison> ofMonth = new TreeMap<>();
            for (ContractMonth contract : company) {
                seen.add(contract.contractId());
                peers.comparison(contract).ifPresent(c -> ofMonth.put(contract.contractId(), c));
            }
            comparisons.put(month, ofMonth);
        }
        Map<Month, Map<String, Usage>> usageByMonth = new TreeMap<>();
        months.forEach(month -> usageByMonth.put(month, usage.of(month)));
        Outcome outcome = new Outcome();
        for (String contract : seen) {
            if (comparisons.values().stream().noneMatch(m -> m.containsKey(contract))) {
                outcome.skip(NO_GROUP);
                continue;
            }
            TwelveMonths twelve = new TwelveMonths();
            for (Month month : months) {
                twelve.add(month, Optional.ofNullable(comparisons.get(month).get(contract)),
                        Optional.ofNullable(usageByMonth.get(month).get(contract)).map(Usage::consumption));
            }
            outcome.result(contract, twelve.fields());
        }
        return outcome;
    }
}
