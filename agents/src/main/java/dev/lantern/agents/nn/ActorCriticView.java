package dev.lantern.agents.nn;

import dev.lantern.agents.api.PolicyValueView;

/**
 * A {@link PolicyValueView} over a private copy of an {@link ActorCriticNet}: probabilities are the softmax of the
 * logits, computed in double precision; values are {@code value.out}.
 */
public final class ActorCriticView extends FrozenView<ActorCriticNet> implements PolicyValueView {

    private double[] logits = new double[0]; // evaluateForDisplay's

    /**
     * @param net     a network nobody else uses (take a {@link ActorCriticNet#copy()})
     * @param version a label of the moment (e.g. the update count) for displays
     */
    public ActorCriticView(ActorCriticNet net, long version) {
        super(net, version);
    }


    @Override
    public void evaluate(float[] observations, int count, double[] probabilities, double[] values) {
        double[][] out = outputs(observations, count);
        Softmax.rows(out[0], count, actionCount(), probabilities);
        System.arraycopy(out[1], 0, values, 0, count);
    }

    /**
     * {@inheritDoc} By the network's fast pass ({@link DensePass}: the one-hot input's first layer on its active
     * columns) on the host-buffer path, which PPO acts with; a tenth of the graph's output on the lab's ~100 states.
     */
    @Override
    public void evaluateForDisplay(float[] observations, int count, double[] probabilities, double[] values) {
        if (!dev.lantern.agents.api.ComputePath.select().hostBuffers()) {
            evaluate(observations, count, probabilities, values);
            return;
        }
        DensePass pass = net().pass(count);
        if (logits.length < count * actionCount()) {
            logits = new double[count * actionCount()];
        }
        pass.setInput(observations);
        pass.forward(logits, values);
        Softmax.rows(logits, count, actionCount(), probabilities);
    }
}
