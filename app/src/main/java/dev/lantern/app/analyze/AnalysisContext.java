package dev.lantern.app.analyze;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Site;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.app.engine.CheckpointNetwork;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.random.Seeds;
import dev.lantern.analysis.circuits.AblationEffect;
import dev.lantern.analysis.circuits.AblationKind;
import dev.lantern.analysis.circuits.NeuronAblation;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Objects;

/**
 * What every {@link ReportSection} reads: the checkpoint's network, every state of its grid world with the
 * network's activations on them (one pass, shared), the untrained twin's activations (made on first use: the
 * probes' random-initialisation control), the summary printer and the figures being collected.
 */
public final class AnalysisContext {

    private final CheckpointNetwork checkpoint;
    private final StateBatch states;
    private final ActivationAtlas atlas;
    private final PrintWriter out;
    private final Figures figures;
    private final AnalyzeOptions options;
    private ActivationAtlas freshAtlas;
    private NeuronAblation ablation;
    private final Map<AblationKind, List<AblationEffect>> ablationTables = new EnumMap<>(AblationKind.class);

    /** Records every site of {@code checkpoint}'s network over every state of its world. */
    public AnalysisContext(CheckpointNetwork checkpoint, PrintWriter out, Figures figures, AnalyzeOptions options) {
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
        this.out = Objects.requireNonNull(out, "out");
        this.figures = Objects.requireNonNull(figures, "figures");
        this.options = Objects.requireNonNull(options, "options");
        this.states = StateBatch.of(checkpoint.world());
        this.atlas = ActivationAtlas.record(checkpoint.trained(), states);
    }

    /** The checkpoint analysed (run, folder, experiment, the trained and the untrained network). */
    public CheckpointNetwork checkpoint() {
        return checkpoint;
    }

    /** The checkpoint's network (a snapshot's copy: nothing analysed writes into a network being trained). */
    public InspectableNetwork network() {
        return checkpoint.trained();
    }

    /** The grid world the run trained on. */
    public GridWorld world() {
        return checkpoint.world();
    }

    /** Every state of the world, encoded as the agent observes it. */
    public StateBatch states() {
        return states;
    }

    /** Every site of the trained network over {@link #states()}. */
    public ActivationAtlas atlas() {
        return atlas;
    }

    /** Every site of a freshly initialised network of the same shape over {@link #states()} (recorded once). */
    public ActivationAtlas freshAtlas() {
        if (freshAtlas == null) {
            freshAtlas = ActivationAtlas.record(checkpoint.fresh(), states);
        }
        return freshAtlas;
    }

    /**
     * Ablation over every state (made on first use): with the value error against V* and V^pi and the greedy outcome
     * from the start at the agent's discount when it has one; resampling seeded from the run's seed.
     */
    public NeuronAblation ablation() {
        if (ablation == null) {
            OptionalDouble gamma = checkpoint.experiment().agent().discount();
            ablation = gamma.isPresent() ? new NeuronAblation(atlas, gamma.getAsDouble(), resampleSeed())
                    : new NeuronAblation(atlas);
        }
        return ablation;
    }

    /** The seed of resample ablation's pairing of states: derived from the run's seed ({@code Seeds.PROBE}). */
    public long resampleSeed() {
        return Seeds.derive(checkpoint.experiment().seed(), Seeds.PROBE);
    }

    /** {@link #ablation()}'s ranked table of every hidden neuron for {@code kind} (computed once per kind). */
    public List<AblationEffect> ablationTable(AblationKind kind) {
        return ablationTables.computeIfAbsent(kind, k -> ablation().table(k));
    }

    /** Whether the network has a site of this name (e.g. {@code value.out}; a Q-network has none). */
    public boolean hasSite(String name) {
        return atlas.sites().stream().map(Site::name).anyMatch(name::equals);
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
    public AnalyzeOptions options() {
        return options;
    }
}
