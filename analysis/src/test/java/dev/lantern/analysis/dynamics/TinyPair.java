package dev.lantern.analysis.dynamics;

import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.analysis.circuits.RowCircuit;
import dev.lantern.analysis.circuits.StateBatch;

/**
 * A hand-built pair of tiny actor-critics on one row of 20 cells (symbolic input: feature 0 always 1, feature
 * {@code 1 + c} "the agent is in column c"; column 19 is the goal, so columns 0..18 decide), whose difference is known.
 * Both: dense0[0] = tanh 2 in columns 10..19, else 0; dense1[0] = tanh(dense0[0]); right's logit = 2 dense1[0];
 * dense0[1] = tanh 0.5, dense1[1] = tanh(dense0[1]) everywhere, V = dense1[1] + value bias. Network a: left's logit
 * bias 1, value bias 0, so greedy right in columns 10..18 and left in 0..9. Network b: left's bias 2 (greedy left
 * everywhere, as 2 tanh(tanh 2) = 1.497 < 2) and value bias 0.25.
 */
final class TinyPair {

    /** Right's logit where dense0[0] is on: {@code 2 tanh(tanh 2)}. */
    static final double RIGHT = 2 * Math.tanh(Math.tanh(2));

    private TinyPair() {
    }

    static StateBatch states() {
        return RowCircuit.states(0, 50);
    }

    static ActorCriticNet a() {
        return RowCircuit.network(1.0, 0.0);
    }

    static ActorCriticNet b() {
        return RowCircuit.network(2.0, 0.25);
    }
}
