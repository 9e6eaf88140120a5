package dev.lantern.app.dynamics;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.app.analyze.Figures;
import dev.lantern.environments.grid.GridWorld;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every {@link DynamicsSection} reads: the runs (all on the same grid world), every state of that world (the
 * common evaluation set), each checkpoint's activations over it (recorded on first use, then shared), the summary
 * printer, the figures being collected and the options.
 */
public final class DynamicsContext {

    private final List<DynamicsRun> runs;
    private final StateBatch states;
    private final PrintWriter out;
    private final Figures figures;
    private final DynamicsOptions options;
    private final Map<String, ActivationAtlas> atlases = new HashMap<>();

    /**
     * A context over {@code runs}, which must be non-empty and all on one environment (the command checks it and
     * names the runs that differ).
     */
    public DynamicsContext(List<DynamicsRun> runs, PrintWriter out, Figures figures, DynamicsOptions options) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        this.runs = List.copyOf(runs);
        this.out = Objects.requireNonNull(out, "out");
        this.figures = Objects.requireNonNull(figures, "figures");
        this.options = Objects.requireNonNull(options, "options");
        this.states = StateBatch.of(runs.get(0).newest().world());
    }

    /** The runs, in the order given on the command line. */
    public List<DynamicsRun> runs() {
        return runs;
    }

    /** The grid world every run trained on (a fresh copy of the first run's). */
    public GridWorld world() {
        return runs.get(0).newest().world();
    }

    /** Every state of the world, encoded as the agents observe it: the common evaluation set. */
    public StateBatch states() {
        return states;
    }

    /** The network of {@code run}'s checkpoint {@code step} (a private copy). */
    public InspectableNetwork network(DynamicsRun run, long step) {
        return run.network(step);
    }

    /** Every site of {@code run}'s checkpoint {@code step} over {@link #states()} (recorded once). */
    public ActivationAtlas atlas(DynamicsRun run, long step) {
        String key = run.dir().toAbsolutePath().normalize() + "@" + step;
        return atlases.computeIfAbsent(key, k -> ActivationAtlas.record(run.network(step), states));
    }

    /** Where the summary lines go. */
    public PrintWriter out() {
        return out;
    }

    /** The figures collected so far, written after every section has run. */
    public Figures figures() {
        return figures;
    }

    /** The command's options. */
    public DynamicsOptions options() {
        return options;
    }
}
