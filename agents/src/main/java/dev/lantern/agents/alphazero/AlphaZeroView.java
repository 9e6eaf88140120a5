package dev.lantern.agents.alphazero;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.FrozenView;
import dev.lantern.agents.nn.Softmax;

/**
 * A {@link PolicyValueView} over a private copy of an AlphaZero network: probabilities are the softmax of
 * {@code policy.logits} over all actions (the view knows no legality; {@link NetworkEvaluator} masks in search),
 * values are {@code tanh(value.out)}, the value for the player to move. Computed in double precision.
 */
public final class AlphaZeroView extends FrozenView<ActorCriticNet> implements PolicyValueView {

    /**
     * A view over {@code net}, which nobody else may use (pass a {@link ActorCriticNet#copy()}), labelled with its
     * update count.
     */
    public AlphaZeroView(ActorCriticNet net) {
        super(net, net.iterationCount());
    }

    @Override
    public void evaluate(float[] observations, int count, double[] probabilities, double[] values) {
        double[][] out = outputs(observations, count);
        Softmax.rows(out[0], count, actionCount(), probabilities);
        for (int i = 0; i < count; i++) {
            values[i] = Math.tanh(out[1][i]);
        }
    }
}
