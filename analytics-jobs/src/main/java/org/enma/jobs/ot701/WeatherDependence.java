package org.enma.jobs.ot701;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enma.jobs.common.Decimals;

/**
 * OT701's formula (docs/analytics.md § Weather and tariff analytics) as plain Java: over the days that have both
 * consumption and temperature, HDD = max(0, heatingBase − T) and CDD = max(0, T − coolingBase), and the ordinary least
 * squares fit of daily consumption = baseload + heatingSlope·HDD + coolingSlope·CDD. A term whose degree days are all
 * zero is dropped (slope 0). Decision: so is a term whose degree days are the same on every day — it cannot be told
 * apart from the baseload, and the spec's rule for the all-zero case generalizes to it.
 */
public final class WeatherDependence {
    public static final int MIN_DAYS = 30;

    /** One day: its consumption and its mean temperature. */
    public record Day(double consumption, double temperature) {
    }

    /** The fit, in full precision; {@link #fields} rounds it for the result document. */
    public record Fit(double baseload, double heatingSlope, double coolingSlope, double r2, int numberOfDays,
                      double heatingShare, double coolingShare) {
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("baseload", Decimals.round2(baseload));
            fields.put("heatingSlope", Decimals.round2(heatingSlope));
            fields.put("coolingSlope", Decimals.round2(coolingSlope));
            fields.put("r2", Decimals.round2(r2));
            fields.put("numberOfDays", numberOfDays);
            fields.put("heatingShare", Decimals.round2(heatingShare));
            fields.put("coolingShare", Decimals.round2(coolingShare));
            return fields;
        }
    }

    private WeatherDependence() {
    }

    /** The fit, or empty with fewer than {@value #MIN_DAYS} days ({@code notEnoughDays}). */
    public static Optional<Fit> fit(List<Day> days, double heatingBase, double coolingBase) {
        int n = days.size();
        if (n < MIN_DAYS) {
            return Optional.empty();
        }
        double[] y = new double[n];
        double[] hdd = new double[n];
        double[] cdd = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = days.get(i).consumption();
            hdd[i] = Math.max(0, heatingBase - days.get(i).temperature());
            cdd[i] = Math.max(0, days.get(i).temperature() - coolingBase);
        }
        List<double[]> columns = new ArrayList<>();
        columns.add(constant(n));
        boolean heating = varies(hdd);
        boolean cooling = varies(cdd);
        if (heating) {
            columns.add(hdd);
        }
        if (cooling) {
            columns.add(cdd);
        }
        double[] beta = leastSquares(columns, y);
        double heatingSlope = heating ? beta[1] : 0;
        double coolingSlope = cooling ? beta[heating ? 2 : 1] : 0;
        double mean = sum(y) / n;
        double residuals = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double fitted = beta[0] + heatingSlope * hdd[i] + coolingSlope * cdd[i];
            residuals += (y[i] - fitted) * (y[i] - fitted);
            total += (y[i] - mean) * (y[i] - mean);
        }
        double consumption = sum(y);
        return Optional.of(new Fit(beta[0], heatingSlope, coolingSlope, total == 0 ? 1 : 1 - residuals / total, n,
                share(heatingSlope * sum(hdd), consumption), share(coolingSlope * sum(cdd), consumption)));
    }

    private static double share(double part, double whole) {
        return whole == 0 ? 0 : part / whole * 100;
    }

    private static boolean varies(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return true;
            }
        }
        return false;
    }

    private static double[] constant(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        return ones;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** Solves the normal equations XᵀX β = Xᵀy (at most 3 unknowns) by Gaussian elimination with pivoting. */
    private static double[] leastSquares(List<double[]> columns, double[] y) {
        int k = columns.size();
        double[][] a = new double[k][k + 1];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                a[r][c] = dot(columns.get(r), columns.get(c));
            }
            a[r][k] = dot(columns.get(r), y);
        }
        for (int p = 0; p < k; p++) {
            int best = p;
            for (int r = p + 1; r < k; r++) {
                if (Math.abs(a[r][p]) > Math.abs(a[best][p])) {
                    best = r;
                }
            }
            double[] swap = a[p];
            a[p] = a[best];
            a[best] = swap;
            for (int r = 0; r < k; r++) {
                if (r != p) {
                    double factor = a[r][p] / a[p][p];
                    for (int c = p; c <= k; c++) {
                        a[r][c] -= factor * a[p][c];
                    }
                }
            }
        }
        double[] beta = new double[k];
        for (int r = 0; r < k; r++) {
            beta[r] = a[r][k] / a[r][r];
        }
        return beta;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }
}
