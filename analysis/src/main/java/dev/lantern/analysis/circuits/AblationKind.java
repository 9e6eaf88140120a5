package dev.lantern.analysis.circuits;

/** What an ablated neuron is replaced by, on every state. */
public enum AblationKind {
    /** 0. */
    ZERO,
    /** Its mean over the decision states ({@link StateBatch#decisionStates()}). */
    MEAN,
    /**
     * Its value on another decision state: decision state {@code s} gets the neuron's clean activation on state
     * {@code source(s)}, {@code source} a seeded cyclic permutation of the decision states (Sattolo's algorithm, so no
     * state is its own source; {@link NeuronAblation#resampleSources()}); deterministic from the ablation's seed. Other
     * states keep their own activation (they enter no effect).
     */
    RESAMPLE
}
