package dev.lantern.analysis.circuits;

/** What an ablated neuron is replaced by, on every state. */
public enum AblationKind {
    /** 0. */
    ZERO,
    /** Its mean over the decision states ({@link StateBatch#decisionStates()}). */
    MEAN
}
