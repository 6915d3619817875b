package org.enma.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.enma.config.EnmaConfig;
import org.enma.jobs.DeriveLauncher;
import org.enma.jobs.derive.DeriveCounts;
import org.enma.jobs.submit.JobTarget;
import org.enma.jobs.submit.MonthRange;
import org.enma.schema.CompanyId;
import org.enma.schema.Month;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "derive", mixinStandardHelpOptions = true,
        description = {"Fills the platform-derived measure fields (docs/analytics.md) of a company's measures with Spark:"
                + " v = va - previous va with calc=1 where v was not uploaded (a negative difference is a meter reset:"
                + " no v, counted), and the tariff slot (timeSlotName, energyCost, flatRate, periodKey) of the"
                + " contract's tariff. Ends with: measures=N derived=N priced=N unpriced=N ambiguous=N resets=N badCells=N",
                "Uploaded v is never changed. Only cells that change are written: a rerun leaves the same cells."})
final class DeriveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JobTarget target;

    @ArgGroup(exclusive = false, multiplicity = "1")
    MonthRange range;

    @Mixin
    SparkJobOptions job;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EnmaConfig config = job.config(spec);
        CompanyId companyId = target.company();
        List<Month> months = range.months(spec);
        Month first = months.get(0);
        Month last = months.get(months.size() - 1);
        err.printf("derive for company %s, %s to %s on Spark %s ...%n", companyId, first, last,
                config.sparkMaster());
        err.flush();
        long start = System.nanoTime();
        DeriveCounts counts = DeriveLauncher.launch(config, companyId, target.type(), first, last,
                note -> {
                    err.println(note);
                    err.flush();
                });
        err.printf("derive: done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        out.println(counts.summaryLine());
        return Enma.OK;
    }
}
