package org.enma.jobs.ot101;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.enma.jobs.JobContext;
import org.enma.jobs.Outcome;
import org.enma.jobs.common.ContractMonth;
import org.enma.jobs.common.MonthlyUsage;
import org.enma.schema.Month;

/** OT101 — a contract's month against similar and against efficient customers (docs/analytics.md). */
public final class Ot101 implements PeerAnalytic {
    @Override
    public String name() {
        return "OT101";
    }

    @Override
    public Outcome run(JobContext job) throws IOException {
        return compare(Ot101Setup.of(job.parameters()), job.month(), job.monthlyUsage(List.of(job.month())),
                job.customers());
    }

    /** Every contract with data in {@code month} against its peers; the ones without a group are skipped. */
    public static Outcome compare(Ot101Setup setup, Month month, MonthlyUsage usage,
                                  Map<String, Map<String, String>> customers) {
        List<ContractMonth> company = JobContext.contractMonths(month, usage, customers);
        PeerComparison peers = new PeerComparison(setup, company);
        Outcome outcome = new Outcome();
        for (ContractMonth contract : company) {
            peers.compare(contract).ifPresentOrElse(
                    figures -> outcome.result(contract.contractId(), figures.fields()),
                    () -> outcome.skip(NO_GROUP));
        }
        return outcome;
    }
}
