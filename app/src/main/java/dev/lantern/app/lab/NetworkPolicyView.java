package dev.lantern.app.lab;

import dev.lantern.agents.api.ActionValueView;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.api.Recording;
import dev.lantern.agents.api.Site;
import dev.lantern.analysis.circuits.NeuronAblation;
import java.util.List;

/**
 * A checkpoint's network ({@link InspectableNetwork}, a private copy) seen as the {@link PolicyValueView} that the
 * lab's frames are made from: an actor-critic's probabilities are the softmax of its {@code policy.logits} and its
 * value {@code value.out}; a Q-network's view is an {@link ActionValueView} over {@code q.values} (greedy in Q, value
 * {@code max Q}), as the live snapshots of the same learners are. Thread-confined, like the network.
 */
final class NetworkPolicyView {

    private NetworkPolicyView() {
    }

    /**
     * The view of {@code net}.
     *
     * @throws IllegalArgumentException if the network has neither a policy and value head nor a Q head
     */
    static PolicyValueView of(InspectableNetwork net) {
        List<String> heads = net.heads().stream().map(Site::name).toList();
        if (heads.contains(NeuronAblation.Q)) {
            return new QView(net);
        }
        if (heads.contains(NeuronAblation.POLICY) && heads.contains(NeuronAblation.VALUE)) {
            return new ActorCritic(net);
        }
        throw new IllegalArgumentException("the network has no policy and value heads nor a Q head: " + heads);
    }

    private static double[] widen(float[] observations, int count, int inputSize) {
        double[] in = new double[count * inputSize];
        for (int i = 0; i < in.length; i++) {
            in[i] = observations[i];
        }
        return in;
    }

    /** Softmax of the policy logits and the value head. */
    private record ActorCritic(InspectableNetwork net) implements PolicyValueView {

        @Override
        public int actionCount() {
            return net.site(NeuronAblation.POLICY).width();
        }

        @Override
        public int inputSize() {
            return net.inputSize();
        }

        @Override
        public void evaluate(float[] observations, int count, double[] probabilities, double[] values) {
            Recording r = net.run(widen(observations, count, inputSize()), count,
                    List.of(NeuronAblation.POLICY, NeuronAblation.VALUE), List.of());
            int actions = actionCount();
            for (int i = 0; i < count; i++) {
                double[] p = AblatedPolicy.softmax(r.get(NeuronAblation.POLICY).row(i));
                System.arraycopy(p, 0, probabilities, i * actions, actions);
                values[i] = r.get(NeuronAblation.VALUE).get(i, 0);
            }
        }
    }

    /** The Q head; policy and value follow from {@link ActionValueView}'s defaults. */
    private record QView(InspectableNetwork net) implements ActionValueView {

        @Override
        public int actionCount() {
            return net.site(NeuronAblation.Q).width();
        }

        @Override
        public int inputSize() {
            return net.inputSize();
        }

        @Override
        public void actionValues(float[] observations, int count, double[] qValues) {
            Recording r = net.run(widen(observations, count, inputSize()), count, List.of(NeuronAblation.Q),
                    List.of());
            double[] q = r.get(NeuronAblation.Q).values();
            System.arraycopy(q, 0, qValues, 0, count * actionCount());
        }
    }
}
