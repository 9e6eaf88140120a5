package dev.lantern.analysis.dynamics;

import dev.lantern.agents.api.Site;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.NeuronAblation;
import dev.lantern.analysis.circuits.StateBatch;
import java.util.List;

/**
 * A network's policy and value over every state of a {@link StateBatch}, read from the heads of an
 * {@link ActivationAtlas}: for an actor-critic the softmax of {@code policy.logits} and {@code value.out}; for a
 * Q-network ({@code q.values}) the greedy policy (probability 1 on {@code argmax Q}, the lowest index among ties) and
 * {@code max_a Q} as the value. Greedy actions are the lowest index among ties, as every analysis of
 * {@code analysis.circuits} reads them. Immutable.
 */
public final class PolicyTable {

    private final StateBatch states;
    private final boolean qNetwork;
    private final int actions;
    private final double[] logProbabilities;
    private final int[] greedy;
    private final double[] values;

    private PolicyTable(StateBatch states, boolean qNetwork, int actions, double[] logProbabilities, int[] greedy,
            double[] values) {
        this.states = states;
        this.qNetwork = qNetwork;
        this.actions = actions;
        this.logProbabilities = logProbabilities;
        this.greedy = greedy;
        this.values = values;
    }

    /**
     * The policy and value of {@code atlas}'s network over its states.
     *
     * @throws IllegalArgumentException if the heads are neither an actor-critic's ({@code policy.logits},
     *                                  {@code value.out}) nor a Q-network's ({@code q.values})
     */
    public static PolicyTable of(ActivationAtlas atlas) {
        List<String> heads = atlas.network().heads().stream().map(Site::name).toList();
        if (heads.equals(List.of(NeuronAblation.Q))) {
            return ofQValues(atlas.states(), atlas.activations(NeuronAblation.Q).values());
        }
        if (heads.contains(NeuronAblation.POLICY) && heads.contains(NeuronAblation.VALUE)) {
            return ofLogits(atlas.states(), atlas.activations(NeuronAblation.POLICY).values(),
                    atlas.activations(NeuronAblation.VALUE).values());
        }
        throw new IllegalArgumentException("the heads read are " + List.of(NeuronAblation.POLICY, NeuronAblation.VALUE)
                + " or " + List.of(NeuronAblation.Q) + ", the network has " + heads);
    }

    /**
     * An actor-critic's table from raw head values.
     *
     * @param logits {@code [states * actions]} row-major policy logits
     * @param values {@code [states]} value estimates
     */
    public static PolicyTable ofLogits(StateBatch states, double[] logits, double[] values) {
        int n = states.size();
        if (values.length != n || logits.length % n != 0 || logits.length == 0) {
            throw new IllegalArgumentException(states.size() + " states need [states * actions] logits and [states] "
                    + "values, got " + logits.length + " logits and " + values.length + " values");
        }
        int actions = logits.length / n;
        double[] logp = new double[logits.length];
        int[] greedy = new int[n];
        for (int s = 0; s < n; s++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < actions; a++) {
                double x = logits[s * actions + a];
                if (x > max) {
                    max = x;
                    greedy[s] = a;
                }
            }
            double sum = 0;
            for (int a = 0; a < actions; a++) {
                sum += Math.exp(logits[s * actions + a] - max);
            }
            double log = max + Math.log(sum);
            for (int a = 0; a < actions; a++) {
                logp[s * actions + a] = logits[s * actions + a] - log;
            }
        }
        return new PolicyTable(states, false, actions, logp, greedy, values.clone());
    }

    /**
     * A Q-network's table from raw Q-values {@code [states * actions]}: greedy policy, value {@code max_a Q}.
     */
    public static PolicyTable ofQValues(StateBatch states, double[] q) {
        int n = states.size();
        if (q.length % n != 0 || q.length == 0) {
            throw new IllegalArgumentException(n + " states need [states * actions] Q-values, got " + q.length);
        }
        int actions = q.length / n;
        double[] logp = new double[q.length];
        java.util.Arrays.fill(logp, Double.NEGATIVE_INFINITY);
        int[] greedy = new int[n];
        double[] values = new double[n];
        double[] row = new double[actions];
        for (int s = 0; s < n; s++) {
            System.arraycopy(q, s * actions, row, 0, actions);
            greedy[s] = NeuronAblation.argmax(row);
            values[s] = row[greedy[s]];
            logp[s * actions + greedy[s]] = 0;
        }
        return new PolicyTable(states, true, actions, logp, greedy, values);
    }

    /** The states, example {@code i} being state number {@code i}. */
    public StateBatch states() {
        return states;
    }

    /** Whether the table is a Q-network's (a greedy, deterministic policy). */
    public boolean qNetwork() {
        return qNetwork;
    }

    /** Actions per state. */
    public int actions() {
        return actions;
    }

    /** {@code log pi(a | s)}; minus infinity for a Q-network's non-greedy actions. */
    public double logProbability(int state, int action) {
        return logProbabilities[state * actions + action];
    }

    /** {@code pi(a | s)}. */
    public double probability(int state, int action) {
        return Math.exp(logProbability(state, action));
    }

    /** The greedy action of state {@code s} (lowest index among ties). */
    public int greedy(int s) {
        return greedy[s];
    }

    /** The greedy action of every state (a copy). */
    public int[] greedyActions() {
        return greedy.clone();
    }

    /** The value estimate of state {@code s}: {@code value.out}, or {@code max_a Q}. */
    public double value(int s) {
        return values[s];
    }

    /** The value estimate of every state (a copy). */
    public double[] values() {
        return values.clone();
    }
}
