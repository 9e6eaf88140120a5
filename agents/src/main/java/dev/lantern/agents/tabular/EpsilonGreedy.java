package dev.lantern.agents.tabular;

import dev.lantern.environments.grid.GridState;
import java.util.function.DoubleSupplier;
import java.util.function.IntUnaryOperator;

/**
 * The tabular learners' behaviour policy: with probability ε a uniformly random action, else a greedy one with ties
 * broken uniformly at random (reservoir sampling). The draws come from the caller's stream, in a fixed order: one
 * uniform for the ε test, then one bounded integer for a random action or one per tied action.
 */
final class EpsilonGreedy {

    private EpsilonGreedy() {
    }

    /**
     * @param uniform draws in [0, 1)
     * @param bounded draws in [0, n) for the given n
     */
    static int action(QTable table, GridState s, double epsilon, DoubleSupplier uniform, IntUnaryOperator bounded) {
        if (uniform.getAsDouble() < epsilon) {
            return bounded.applyAsInt(QTable.ACTIONS);
        }
        double[] q = table.q(s);
        double best = q[0];
        for (int a = 1; a < QTable.ACTIONS; a++) {
            best = Math.max(best, q[a]);
        }
        int ties = 0;
        int chosen = 0;
        for (int a = 0; a < QTable.ACTIONS; a++) {
            if (q[a] == best && bounded.applyAsInt(++ties) == 0) {
                chosen = a; // each tied action with probability 1 / ties
            }
        }
        return chosen;
    }
}
