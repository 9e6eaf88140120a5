package dev.lantern.agents.alphazero;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.nn.ActorCriticNet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link PolicyValueView} over a private copy of an AlphaZero network: probabilities are the softmax of
 * {@code policy.logits} over all actions (the view knows no legality; {@link NetworkEvaluator} masks in search),
 * values are {@code tanh(value.out)}, the value for the player to move. Computed in double precision.
 */
public final class AlphaZeroView implements PolicyValueView {

    private final ActorCriticNet net;

    /** A view over {@code net}, which nobody else may use (pass a {@link ActorCriticNet#copy()}). */
    public AlphaZeroView(ActorCriticNet net) {
        this.net = net;
    }

    /** The private network, for analyses that need activations or a search. */
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
        int in = net.inputSize();
        int actions = net.actionCount();
        INDArray x = Nd4j.create(java.util.Arrays.copyOf(observations, count * in), new long[] {count, in}, 'c')
                .castTo(net.dataType());
        INDArray[] out = net.output(x);
        double[] logits = out[0].castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] v = out[1].castTo(DataType.DOUBLE).dup('c').data().asDouble();
        dev.lantern.agents.nn.Softmax.rows(logits, count, actions, probabilities);
        for (int i = 0; i < count; i++) {
            values[i] = Math.tanh(v[i]);
        }
    }
}
