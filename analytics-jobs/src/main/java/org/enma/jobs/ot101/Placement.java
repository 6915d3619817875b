package org.enma.jobs.ot101;

import java.io.Serializable;
import java.util.Comparator;

/**
 * One contract month in one of the peer groups it could be compared with: its consumption {@code C} in nano-units,
 * its days, and whether it is a {@code member} (its month is complete) — a partial month is compared with the group
 * but does not count in it.
 */
public record Placement(GroupKey group, String contractId, long units, int days, boolean member)
        implements Serializable {
    /**
     * By group, then C, then contractId: within a group, the order docs/analytics.md ranks efficient customers by.
     * Unique: a contract is placed once per group.
     */
    static final Comparator<Placement> ORDER = (Comparator<Placement> & Serializable) (a, b) -> {
        int c = GroupKey.ORDER.compare(a.group, b.group);
        if (c == 0) {
            c = Long.compare(a.units, b.units);
        }
        return c != 0 ? c : a.contractId.compareTo(b.contractId);
    };
}
