package dev.lantern.analysis.circuits;

import dev.lantern.agents.api.Activations;
import dev.lantern.agents.api.Recording;
import dev.lantern.agents.api.Site;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the ablation and the steering read a network's heads over every state and compare them with the clean pass of
 * an {@link ActivationAtlas}: an actor-critic's {@code policy.logits} (a softmax policy) and {@code value.out}, or a
 * Q-network's {@code q.values} (greedy {@code argmax Q}, value {@code max Q}, no softmax). Means are over the decision
 * states.
 */
final class HeadReadings {

    private final ActivationAtlas atlas;
    private final boolean qNetwork;
    private final List<String> heads;
    private final boolean[] decides;
    private final int decisionCount;
    private final Map<ActionsKey, GreedyOutcome> outcomes = new HashMap<>();
    private double[] cleanValues;

    /** A greedy policy as a map key: the actions of the decision states (the others never act). */
    private record ActionsKey(int[] actions) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ActionsKey k && Arrays.equals(actions, k.actions);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(actions);
        }
    }

    private HeadReadings(ActivationAtlas atlas, boolean qNetwork, boolean[] decides, int decisionCount) {
        this.atlas = atlas;
        this.qNetwork = qNetwork;
        this.heads = qNetwork ? List.of(NeuronAblation.Q) : List.of(NeuronAblation.POLICY, NeuronAblation.VALUE);
        this.decides = decides;
        this.decisionCount = decisionCount;
    }

    /**
     * The readings of {@code atlas}'s network.
     *
     * @throws IllegalArgumentException if the heads are neither an actor-critic's nor a Q-network's, or if no state
     *         is a decision state
     */
    static HeadReadings of(ActivationAtlas atlas) {
        List<String> names = atlas.network().heads().stream().map(Site::name).toList();
        boolean q;
        if (names.equals(List.of(NeuronAblation.Q))) {
            q = true;
        } else if (names.contains(NeuronAblation.POLICY) && names.contains(NeuronAblation.VALUE)) {
            q = false;
        } else {
            throw new IllegalArgumentException("the heads read are " + List.of(NeuronAblation.POLICY,
                    NeuronAblation.VALUE) + " or " + List.of(NeuronAblation.Q) + ", the network has " + names);
        }
        boolean[] decides = atlas.states().decisionStates();
        int count = 0;
        for (boolean d : decides) {
            count += d ? 1 : 0;
        }
        if (count == 0) {
            throw new IllegalArgumentException("no state of " + atlas.states().world().spec().id()
                    + " is a decision state (reachable and not terminal)");
        }
        return new HeadReadings(atlas, q, decides, count);
    }

    /** The heads a pass must record. */
    List<String> heads() {
        return heads;
    }

    /** Whether the network is a Q-network. */
    boolean qNetwork() {
        return qNetwork;
    }

    /** The decision states, by state number. */
    boolean[] decides() {
        return decides;
    }

    /** How many states decide. */
    int decisionCount() {
        return decisionCount;
    }

    /** The head the greedy action is read from. */
    Activations policy(Recording r) {
        return r.get(qNetwork ? NeuronAblation.Q : NeuronAblation.POLICY);
    }

    /** The greedy action of every state of {@code r}. */
    int[] greedyActions(Recording r) {
        return GreedyOutcome.greedyActions(policy(r));
    }

    /** The value estimate of every state of {@code r}: {@code value.out}, or {@code max_a Q}. */
    double[] values(Recording r) {
        int n = atlas.states().size();
        double[] v = new double[n];
        for (int s = 0; s < n; s++) {
            if (qNetwork) {
                double[] row = r.get(NeuronAblation.Q).row(s);
                v[s] = row[NeuronAblation.argmax(row)];
            } else {
                v[s] = r.get(NeuronAblation.VALUE).get(s, 0);
            }
        }
        return v;
    }

    /** The clean network's greedy outcome from the start (computed once). */
    GreedyOutcome cleanOutcome() {
        return outcome(atlas.recording());
    }

    /**
     * The greedy outcome from the start of the heads in {@code r}; policies that act alike on every decision state
     * share one computation (most ablations leave most greedy actions as they are).
     */
    GreedyOutcome outcome(Recording r) {
        int[] actions = greedyActions(r);
        for (int s = 0; s < actions.length; s++) {
            actions[s] = decides[s] ? actions[s] : 0;
        }
        return outcomes.computeIfAbsent(new ActionsKey(actions), k -> GreedyOutcome.of(atlas.states(), k.actions()));
    }

    /** The value targets of the clean policy at discount {@code gamma}. */
    ValueTruth truth(double gamma) {
        return ValueTruth.of(atlas.states(), policy(atlas.recording()), qNetwork, gamma);
    }

    /** {@code r}'s heads against the clean pass over the decision states. */
    HeadChange compare(Recording r) {
        Activations cleanPolicy = policy(atlas.recording());
        Activations newPolicy = policy(r);
        if (cleanValues == null) {
            cleanValues = values(atlas.recording());
        }
        double[] newValues = values(r);
        int actions = cleanPolicy.site().width();
        double kl = 0;
        double dv = 0;
        List<Integer> changed = new ArrayList<>();
        double[] p = new double[actions];
        double[] q = new double[actions];
        for (int s = 0; s < decides.length; s++) {
            if (!decides[s]) {
                continue;
            }
            double[] before = cleanPolicy.row(s);
            double[] after = newPolicy.row(s);
            if (NeuronAblation.argmax(before) != NeuronAblation.argmax(after)) {
                changed.add(s);
            }
            if (!qNetwork) {
                NeuronAblation.logSoftmax(before, p);
                NeuronAblation.logSoftmax(after, q);
                double d = 0;
                for (int a = 0; a < actions; a++) {
                    d += Math.exp(p[a]) * (p[a] - q[a]);
                }
                kl += d;
            }
            dv += Math.abs(newValues[s] - cleanValues[s]);
        }
        return new HeadChange(qNetwork ? Double.NaN : kl / decisionCount, changed.size() / (double) decisionCount,
                dv / decisionCount, changed.stream().mapToInt(Integer::intValue).toArray());
    }
}
