package org.enma.jobs.ot201;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.enma.jobs.Analytic;
import org.enma.jobs.JobContext;
import org.enma.jobs.Outcome;
import org.enma.jobs.common.ContractMonth;
import org.enma.jobs.common.MonthlyUsage;
import org.enma.schema.Month;

/** OT201 — this month against the same month last year (docs/analytics.md); reads only those two months. */
public final class Ot201 implements Analytic {
    static final String INCOMPLETE_MONTH = "incompleteMonth";


    @Override
    public String name() {
        return "OT201";
    }

    @Override
    public Outcome run(JobContext job) throws IOException {
        Month previous = job.month().plusMonths(-12);
        MonthlyUsage usage = job.monthlyUsage(List.of(previous, job.month()));
        Map<String, ContractMonth> now = byContract(JobContext.contractMonths(job.month(), usage, Map.of()));
        Map<String, ContractMonth> before = byContract(JobContext.contractMonths(previous, usage, Map.of()));
        TreeSet<String> seen = new TreeSet<>(now.keySet());
        seen.addAll(before.keySet());
        Outcome outcome = new Outcome();
        for (String contract : seen) {
            YearOnYear.compare(Optional.ofNullable(now.get(contract)), Optional.ofNullable(before.get(contract)))
                    .ifPresentOrElse(fields -> outcome.result(contract, fields), () -> outcome.skip(INCOMPLETE_MONTH));
        }
        return outcome;
    }

    private static Map<String, ContractMonth> byContract(List<ContractMonth> months) {
        return months.stream().collect(Collectors.toMap(ContractMonth::contractId, Function.identity()));
    }
}
