package dev.lantern.agents.nn;

import dev.lantern.agents.api.PolicyValueView;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link PolicyValueView} over a private copy of an {@link ActorCriticNet}: safe to hand to another thread, since
 * nothing else touches the copy. Probabilities are the softmax of the logits, computed in double precision.
 */
public final class ActorCriticView implements PolicyValueView {

    private final ActorCriticNet net;
    private final long version;

    /**
     * @param net     a network nobody else uses (take a {@link ActorCriticNet#copy()})
     * @param version a label of the moment (e.g. the update count) for displays
     */
    public ActorCriticView(ActorCriticNet net, long version) {
        this.net = net;
        this.version = version;
    }

    /** The update count (or other label) at which this snapshot was taken. */
    public long version() {
        return version;
    }

    /** The private network; for analyses that need activations. */
    public ActorCriticNet net() {
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
    public void evaluate(float[] observations, int count, double[] probabilities, double[] values) {
        int needed = count * net.inputSize();
        if (observations.length < needed) {
            throw new IllegalArgumentException("expected " + count + " x " + net.inputSize() + " floats, got "
                    + observations.length);
        }
        float[] data = observations.length == needed ? observations : java.util.Arrays.copyOf(observations, needed);
        INDArray in = Nd4j.create(data, new long[] {count, net.inputSize()}, 'c');
        INDArray[] out = net.output(in.castTo(net.dataType()));
        double[] logits = out[0].dup('c').data().asDouble();
        double[] v = out[1].dup('c').data().asDouble();
        Softmax.rows(logits, count, net.actionCount(), probabilities);
        System.arraycopy(v, 0, values, 0, count);
    }
}
