package org.enma.jobs.rollup;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.enma.schema.DecimalText;
import org.enma.schema.MeasureColumns;
import org.enma.schema.PeriodColumns;

/**
 * The figures of one period-table cell group (one family of one row): the exact decimal sum of {@code v}, how many
 * measures, the smallest and largest {@code v}, the cost and how many measures had one, the tou/tertiary period sums
 * and, in company totals, how many contracts. Sums are {@link BigDecimal}s of the stored texts: the order measures
 * arrive in never changes a digit.
 *
 * <p>Cost: a period's cost is exact over its measures and then rounded half-up to 6 decimals (docs/data-model.md). A
 * period above a day is summed from its parts as they are stored — rounded — so that rebuilding from raw rows and
 * updating from stored rows give the same bytes; it may differ from the exact sum over raw measures by at most half
 * a millionth of a euro per part.
 */
public final class PeriodFigures implements Serializable {
    static final int COST_DECIMALS = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final long serialVersionUID = 1L;

    // written by writeObject: a rollup shuffles a company's part of every hour from every task, and Java's default
    // form of the BigDecimals and the map took seconds of a rebuild
    private transient BigDecimal v = BigDecimal.ZERO;
    private transient long n;
    private transient BigDecimal min;
    private transient BigDecimal max;
    private transient BigDecimal cost = BigDecimal.ZERO;
    private transient long np;
    private transient long ne;
    private transient TreeMap<Integer, BigDecimal> periods = new TreeMap<>();
    private transient long contracts;

    /**
     * Adds one measure: its {@code v}, its {@code energyCost} (c€/kWh) or null, its tou/tertiary {@code pN}
     * values by N (null or empty for residential tables), and whether it is an estimate ({@code m:est}). Texts as
     * stored; the caller read them through the bad-cell check.
     */
    public void add(String vText, String energyCostText, Map<Integer, String> periodTexts, boolean estimated) {
        BigDecimal value = new BigDecimal(vText);
        v = v.add(value);
        n++;
        ne += estimated ? 1 : 0;
        min = min == null || value.compareTo(min) < 0 ? value : min;
        max = max == null || value.compareTo(max) > 0 ? value : max;
        if (energyCostText != null) {
            cost = cost.add(value.multiply(new BigDecimal(energyCostText)).divide(HUNDRED));
            np++;
        }
        if (periodTexts != null) {
            periodTexts.forEach((p, text) -> periods.merge(p, new BigDecimal(text), BigDecimal::add));
        }
    }

    /** These figures and {@code other}'s, as one period (both exact, or both as stored). */
    public PeriodFigures merge(PeriodFigures other) {
        return copy().add(other);
    }

    /**
     * Adds {@code other}'s figures to these, in place: what a walk summing millions of hours uses instead of {@link
     * #merge}'s copy. This object must be the caller's own.
     */
    PeriodFigures add(PeriodFigures other) {
        return add(other, other.cost, other.contracts);
    }

    /** Adds a contract's figures, as stored, as one contract of a company total, in place (as {@link #add}). */
    PeriodFigures addContract(PeriodFigures contract) {
        return add(contract, contract.cost.setScale(COST_DECIMALS, RoundingMode.HALF_UP), 1);
    }

    private PeriodFigures add(PeriodFigures other, BigDecimal otherCost, long otherContracts) {
        v = v.add(other.v);
        n += other.n;
        min = min == null ? other.min : other.min == null || min.compareTo(other.min) <= 0 ? min : other.min;
        max = max == null ? other.max : other.max == null || max.compareTo(other.max) >= 0 ? max : other.max;
        cost = cost.add(otherCost);
        np += other.np;
        ne += other.ne;
        other.periods.forEach((p, value) -> periods.merge(p, value, BigDecimal::add));
        contracts += otherContracts;
        return this;
    }

    /** These figures with {@code c}, the number of contracts of a company total, counted elsewhere. */
    public PeriodFigures withContracts(long count) {
        PeriodFigures counted = copy();
        counted.contracts = count;
        return counted;
    }

    public boolean isEmpty() {
        return n == 0;
    }

    /** The cells of this period (qualifier → text), in the codec of docs/data-model.md; {@code c} only in totals. */
    public Map<String, String> cells(boolean companyTotal) {
        Map<String, String> cells = new LinkedHashMap<>();
        String vText = DecimalText.format(v);
        cells.put(PeriodColumns.V, vText);
        cells.put(PeriodColumns.N, DecimalText.format(n));
        // a period of one measure (most hours) has the same text thrice: formatted once
        cells.put(PeriodColumns.MIN, min.compareTo(v) == 0 ? vText : DecimalText.format(min));
        cells.put(PeriodColumns.MAX, max.compareTo(v) == 0 ? vText : DecimalText.format(max));
        if (np > 0) {
            cells.put(PeriodColumns.COST, DecimalText.format(cost.setScale(COST_DECIMALS, RoundingMode.HALF_UP)));
        }
        cells.put(PeriodColumns.NP, DecimalText.format(np));
        if (ne > 0) {
            cells.put(PeriodColumns.NE, DecimalText.format(ne));
        }
        periods.forEach((p, value) -> cells.put(PeriodColumns.period(p), DecimalText.format(value)));
        if (companyTotal) {
            cells.put(PeriodColumns.CONTRACTS, DecimalText.format(contracts));
        }
        return cells;
    }

    /** Figures read back from a stored row's cells of one family. */
    public static PeriodFigures ofCells(Map<String, String> cells) {
        PeriodFigures f = new PeriodFigures();
        f.v = DecimalText.parse(PeriodColumns.V, cells.get(PeriodColumns.V));
        f.n = Long.parseLong(cells.get(PeriodColumns.N));
        f.min = DecimalText.parse(PeriodColumns.MIN, cells.get(PeriodColumns.MIN));
        f.max = DecimalText.parse(PeriodColumns.MAX, cells.get(PeriodColumns.MAX));
        f.cost = cells.containsKey(PeriodColumns.COST)
                ? DecimalText.parse(PeriodColumns.COST, cells.get(PeriodColumns.COST)) : BigDecimal.ZERO;
        f.np = Long.parseLong(cells.getOrDefault(PeriodColumns.NP, "0"));
        f.ne = Long.parseLong(cells.getOrDefault(PeriodColumns.NE, "0"));
        f.contracts = Long.parseLong(cells.getOrDefault(PeriodColumns.CONTRACTS, "0"));
        cells.forEach((q, text) -> MeasureColumns.periodNumber(q).ifPresent(n ->
                f.periods.put(n, DecimalText.parse(q, text))));
        return f;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.writeUTF(v.toString());
        out.writeLong(n);
        out.writeUTF(min == null ? "" : min.toString());
        out.writeUTF(max == null ? "" : max.toString());
        out.writeUTF(cost.toString());
        out.writeLong(np);
        out.writeLong(ne);
        out.writeInt(periods.size());
        for (var p : periods.entrySet()) {
            out.writeInt(p.getKey());
            out.writeUTF(p.getValue().toString());
        }
        out.writeLong(contracts);
    }

    private void readObject(ObjectInputStream in) throws IOException {
        v = new BigDecimal(in.readUTF());
        n = in.readLong();
        min = decimalOrNull(in.readUTF());
        max = decimalOrNull(in.readUTF());
        cost = new BigDecimal(in.readUTF());
        np = in.readLong();
        ne = in.readLong();
        periods = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            periods.put(in.readInt(), new BigDecimal(in.readUTF()));
        }
        contracts = in.readLong();
    }

    private static BigDecimal decimalOrNull(String text) {
        return text.isEmpty() ? null : new BigDecimal(text);
    }

    private PeriodFigures copy() {
        PeriodFigures c = new PeriodFigures();
        c.v = v;
        c.n = n;
        c.min = min;
        c.max = max;
        c.cost = cost;
        c.np = np;
        c.ne = ne;
        c.periods.putAll(periods);
        c.contracts = contracts;
        return c;
    }
}
