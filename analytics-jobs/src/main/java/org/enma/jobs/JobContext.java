package org.enma.jobs;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.enma.jobs.common.ContractMonth;
import org.enma.jobs.common.MonthlyUsage;
import org.enma.jobs.common.Usage;
import org.enma.jobs.read.EnmaData;
import org.enma.jobs.read.Measure;
import org.enma.jobs.read.MeasureFields;
import org.enma.jobs.read.TimeRange;
import org.enma.schema.CompanyId;
import org.enma.schema.EnmaTable;
import org.enma.schema.Month;

/** What one run of an analytic is about — company, measure type, month, parameters — and the data to read. */
public record JobContext(EnmaData data, CompanyId company, String type, Month month, Map<String, Object> parameters) {

    /** The consumption table of this run's type and company. */
    public EnmaTable consumptionTable() {
        return EnmaTable.measuresOf(type, company);
    }

    /**
     * {@code C(c, m)} and {@code days(c, m)} of every contract with data in each of {@code months}: one scan of the
     * buckets over the months (consecutive months in one range), summed inside each Spark partition, partial sums
     * merged on the way to the driver.
     */
    public MonthlyUsage monthlyUsage(Collection<Month> months) throws IOException {
        Set<Month> wanted = Set.copyOf(months);
        ZoneId zone = data.zone();
        JavaRDD<Measure> measures = data.measures(consumptionTable(), TimeRange.covering(wanted, zone),
                MeasureFields.INSTANT);
        return measures.mapPartitions(partition -> {
            MonthlyUsage usage = new MonthlyUsage(wanted, zone);
            partition.forEachRemaining(m -> m.instant().ifPresent(v -> usage.add(m.id(), m.timestamp(), v)));
            return List.of(usage).iterator();
        }).reduce(MonthlyUsage::merge);
    }

    /** The company's customer attributes by contractId. */
    public Map<String, Map<String, String>> customers() throws IOException {
        return data.customerAttributes(company);
    }

    /** The contracts with data in {@code month}, with their attributes (none for a contract missing in customers). */
    public static List<ContractMonth> contractMonths(Month month, MonthlyUsage usage,
                                                     Map<String, Map<String, String>> customers) {
        List<ContractMonth> contracts = new ArrayList<>();
        for (Map.Entry<String, Usage> e : usage.of(month).entrySet()) {
            contracts.add(ContractMonth.of(e.getKey(), month, e.getValue(),
                    customers.getOrDefault(e.getKey(), Map.of())));
        }
        contracts.sort(Comparator.comparing(ContractMonth::contractId));
        return contracts;
    }
}
