package org.enma.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.enma.schema.Month;

/**
 * The demo's readable summary of a month's results: how the company's contracts fare against their peers (OT101,
 * OT201), and one contract's energy cost by tariff period (OT501) and weather dependence (OT701).
 */
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
        out.printf("7. %s, OT101: %d contracts compared with their peers%n", month, ot101.size());
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

    /**
     * The cost by tariff period and the weather dependence of one contract: of those with both results, the one whose
     * use depends most on heating (highest {@code heatingShare}; the lowest contractId on a tie).
     */
    void printContract(Month month, List<Document> ot501, List<Document> ot701) {
        Map<String, Document> costs = new TreeMap<>();
        ot501.forEach(d -> costs.put(d.getString("contractId"), d));
        Document weather = ot701.stream().filter(d -> costs.containsKey(d.getString("contractId")))
                .max(Comparator.comparingDouble(d -> number(d, "heatingShare"))).orElse(null);
        if (weather == null) {
            out.println("   OT501/OT701: no contract has both results");
            return;
        }
        String contract = weather.getString("contractId");
        Document cost = costs.get(contract);
        out.printf("8. contract %s, %s: energy cost by tariff period (OT501)%n", contract, month);
        out.printf("   %-8s %-12s %10s %10s%n", "period", "slot", "kWh", "euro");
        for (Document p : cost.getList("periods", Document.class)) {
            out.printf("   %-8s %-12s %10.2f %10.2f%n", p.getString("periodKey"), p.getString("timeSlotName"),
                    number(p, "consumption"), number(p, "energyCost"));
        }
        out.printf("   %-8s %-12s %10.2f %10.2f   (unpriced %.2f kWh)%n", "total", "",
                number(cost, "totalConsumption"), number(cost, "totalEnergyCost"), number(cost, "unpricedConsumption"));
        out.printf("   weather dependence %s..%s (OT701): baseload %.2f kWh/day,%n   %.2f kWh per heating degree day"
                        + " (%.1f%% of use), %.2f kWh per cooling degree day (%.1f%%), r2 %.2f over %d days%n",
                month.plusMonths(-11), month, number(weather, "baseload"), number(weather, "heatingSlope"),
                number(weather, "heatingShare"), number(weather, "coolingSlope"), number(weather, "coolingShare"),
                number(weather, "r2"), weather.getInteger("numberOfDays"));
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
