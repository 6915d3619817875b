package org.enma.loaders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The header row of an upload: column names by position, checked against what the input kind allows. */
final class Header {
    private final List<String> columns;
    private final Map<String, Integer> index = new HashMap<>();

    private Header(List<String> columns) {
        this.columns = columns;
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
    }

    /**
     * Checks names against the kind's columns: every required one present, none unknown, none twice. A problem is
     * a file-level error whose message lists the expected columns.
     */
    static Header of(String[] names, Columns allowed) {
        List<String> columns = List.of(names);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String name : columns) {
            if (seen.merge(name, 1, Integer::sum) == 2) {
                problems.add("column \"" + name + "\" appears twice");
            }
            if (!allowed.isKnown(name)) {
                problems.add("unknown column \"" + name + "\"");
            }
        }
        for (String required : allowed.required()) {
            if (!seen.containsKey(required)) {
                problems.add("missing required column \"" + required + "\"");
            }
        }
        problems.addAll(allowed.checkHeader(columns));
        if (!problems.isEmpty()) {
            throw new FileRejected(String.join("; ", problems) + ". Expected columns: " + allowed.describe());
        }
        return new Header(columns);
    }

    int size() {
        return columns.size();
    }

    List<String> columns() {
        return columns;
    }

    /** Position of {@code column}, or -1. */
    int indexOf(String column) {
        return index.getOrDefault(column, -1);
    }
}
