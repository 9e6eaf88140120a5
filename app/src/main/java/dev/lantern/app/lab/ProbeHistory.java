package dev.lantern.app.lab;

import dev.lantern.analysis.circuits.ProbeScore;
import java.util.ArrayList;
import java.util.List;

/**
 * The what-when-where table of a lab run: concept probe scores ({@link dev.lantern.analysis.circuits.ConceptProbe}) at
 * every site, for the last snapshots probed. Immutable; {@link #with} makes the next one.
 *
 * @param rows     one label per (concept, site) row, {@code concept @ site}
 * @param envSteps the environment step of each column, oldest first
 * @param columns  per column, the probe of each row (same order as {@code rows})
 */
public record ProbeHistory(List<String> rows, List<Long> envSteps, List<List<ProbeScore>> columns) {

    /** Columns kept (the oldest is dropped past it). */
    public static final int MAX_COLUMNS = 40;

    /** No probes yet. */
    public static final ProbeHistory EMPTY = new ProbeHistory(List.of(), List.of(), List.of());

    public ProbeHistory {
        rows = List.copyOf(rows);
        envSteps = List.copyOf(envSteps);
        columns = columns.stream().map(List::copyOf).toList();
    }

    /** This history with one more column (the rows of {@code table} replace the labels when they differ). */
    public ProbeHistory with(long envStep, List<ProbeScore> table) {
        List<String> labels = table.stream().map(p -> p.concept() + " @ " + p.site()).toList();
        List<Long> steps = new ArrayList<>(labels.equals(rows) ? envSteps : List.of());
        List<List<ProbeScore>> cols = new ArrayList<>(labels.equals(rows) ? columns : List.of());
        steps.add(envStep);
        cols.add(table);
        while (cols.size() > MAX_COLUMNS) {
            cols.remove(0);
            steps.remove(0);
        }
        return new ProbeHistory(labels, steps, cols);
    }

    /** The newest column, or an empty list. */
    public List<ProbeScore> latest() {
        return columns.isEmpty() ? List.of() : columns.get(columns.size() - 1);
    }
}
