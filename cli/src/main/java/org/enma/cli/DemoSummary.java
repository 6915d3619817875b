package org.enma.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.enma.schema.Month;

/** The demo's readable summary of a month's OT101 and OT201 results: how the company's contracts fare. */
final class DemoSummary {
    private final PrintWriter out;

    DemoSummary(PrintWriter out) {
        this.out = out;
    }

    void print(Month month, List<Document> ot101, List<Document> ot201) {
        long belowGroup = ot101.stream().filter(d -> number(d, "diffAverageConsumption") < 0).count();
        long belowEfficient = ot101.stream().filter(d -> number(d, "diffAverageEffConsumption") <= 0).count();
        Map<String, Long> byCriteria = new TreeMap<>();
        ot101.forEach(d -> byCriteria.merge(d.getString("criteria"), 1L, Long::sum));
        out.printf("6. %s, OT101: %d contracts compared with their peers%n", month, ot101.size());
        out.printf("   %d use less than their group's average, %d no more than its efficient customers%n",
                belowGroup, belowEfficient);
        out.println("   groups chosen (criteria: contracts): " + byCriteria);
        out.printf("   %-10s %12s %12s %12s %9s  %s%n", "contract", "consumption", "group avg", "efficient",
                "vs group", "criteria (members)");
        for (Document d : examples(ot101)) {
            out.printf("   %-10s %12.2f %12.2f %12.2f %8.2f%%  %s (%d)%n", d.getString("contractId"),
                    number(d, "consumption"), number(d, "averageConsumption"), number(d, "averageEffConsumption"),
                    number(d, "diffAverageConsumption"), d.getString("criteria"), d.getInteger("numberCustomers"));
        }
        long lessThanLastYear = ot201.stream().filter(d -> number(d, "diffConsumption") < 0).count();
        out.printf("   OT201: %d of %d contracts with both months complete used less than in %s%n",
                lessThanLastYear, ot201.size(), month.plusMonths(-12));
    }

    /** The two lowest, the median and the two highest against their group. */
    private static List<Document> examples(List<Document> results) {
        List<Document> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingDouble(d -> number(d, "diffAverageConsumption")));
        if (sorted.size() <= 5) {
            return sorted;
        }
        int n = sorted.size();
        return List.of(sorted.get(0), sorted.get(1), sorted.get(n / 2), sorted.get(n - 2), sorted.get(n - 1));
    }

    private static double number(Document d, String field) {
        return ((Number) d.get(field)).doubleValue();
    }
}
