package org.enma.jobs.ot101;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.enma.schema.Month;

/**
 * A peer group: the contracts of one month that have the same values of one criterion's attributes ({@code
 * criterion} is the criterion's place in the setup, most specific first; no values for the whole company).
 */
public record GroupKey(Month month, int criterion, List<String> values) implements Serializable {
    /** Month, criterion, then the values in order: any total order does, as long as every task uses the same. */
    static final Comparator<GroupKey> ORDER = (Comparator<GroupKey> & Serializable) (a, b) -> {
        int c = a.month.compareTo(b.month);
        if (c == 0) {
            c = Integer.compare(a.criterion, b.criterion);
        }
        for (int i = 0; c == 0 && i < Math.min(a.values.size(), b.values.size()); i++) {
            c = a.values.get(i).compareTo(b.values.get(i));
        }
        return c != 0 ? c : Integer.compare(a.values.size(), b.values.size());
    };

    public GroupKey {
        values = List.copyOf(values);
    }
}
