package dev.lantern.agents.dqn;

import dev.lantern.agents.api.ActionValueView;
import dev.lantern.agents.nn.FrozenView;

/**
 * An {@link ActionValueView} over a private copy of a {@link QNet}: safe to hand to another thread. Its policy is
 * greedy in Q (probability 1 on the best action, ties to the lowest index) and its value is {@code max_a Q(s, a)}.
 */
public final class QView extends FrozenView<QNet> implements ActionValueView {

    /**
     * @param net     a network nobody else uses (take a {@link QNet#copy()})
     * @param version a label of the moment (e.g. the update count)
     */
    public QView(QNet net, long version) {
        super(net, version);
    }

    @Override
    public void actionValues(float[] observations, int count, double[] qValues) {
        System.arraycopy(outputs(observations, count)[0], 0, qValues, 0, count * actionCount());
    }

    /** {@inheritDoc} By {@link QNet#qValues(float[], int)}: the fast pass on the host-buffer path, which DQN acts with. */
    @Override
    public void evaluateForDisplay(float[] observations, int count, double[] probabilities, double[] values) {
        ActionValueView.greedy(net().qValues(observations, count), count, actionCount(), probabilities, values);
    }
}
