package dev.lantern.agents.dqn;

import dev.lantern.agents.api.ActionValueView;

/**
 * An {@link ActionValueView} over a private copy of a {@link QNet}: safe to hand to another thread. Its policy is
 * greedy in Q (probability 1 on the best action, ties to the lowest index) and its value is {@code max_a Q(s, a)}.
 */
public final class QView implements ActionValueView {

    private final QNet net;
    private final long version;

    /**
     * @param net     a network nobody else uses (take a {@link QNet#copy()})
     * @param version a label of the moment (e.g. the update count)
     */
    public QView(QNet net, long version) {
        this.net = net;
        this.version = version;
    }

    /** The update count (or other label) at which this snapshot was taken. */
    public long version() {
        return version;
    }

    /** The private network, for analyses that need activations. */
    public QNet net() {
        return net;
    }

    @Override
    public int actionCount() {
        return net.actionCount();
    }

    @Override
    public int inputSize() {
        return net.inputSize();
    }

    @Override
    public void actionValues(float[] observations, int count, double[] qValues) {
        if (observations.length < count * net.inputSize()) {
            throw new IllegalArgumentException("expected " + count + " x " + net.inputSize() + " floats, got "
                    + observations.length);
        }
        double[] q = net.qValues(net.batch(observations, count));
        System.arraycopy(q, 0, qValues, 0, count * net.actionCount());
    }
}
