package dev.lantern.agents.mcts;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The non-learned baseline: uniform priors, and a value from one random playout (uniform legal actions) until the
 * state is terminal or the horizon is reached. The playout's return is discounted and, in alternating games, negated
 * at each ply so that it is from the point of view of the player to move at the leaf. Seeded; not thread-safe.
 *
 * @param <S> the state type
 */
public final class RandomRolloutEvaluator<S> implements Evaluator<S> {

    private final SplittableRandom random;
    private int[] legalBuffer = new int[0];
    private final double[] reward = new double[1];
    private int[] played = new int[16];
    private int playedCount;

    /** An evaluator whose playouts are drawn from a generator seeded with {@code seed}. */
    public RandomRolloutEvaluator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public double evaluate(SearchProblem<S> problem, S state, int[] legal, int legalCount, double[] priors,
            int remainingSteps) {
        double uniform = 1.0 / legalCount;
        for (int i = 0; i < legalCount; i++) {
            priors[i] = uniform;
        }
        if (legalBuffer.length < problem.actionCount()) {
            legalBuffer = new int[problem.actionCount()];
        }
        double sign = problem.alternating() ? -1 : 1;
        double discount = problem.discount();
        double total = 0;
        double scale = 1; // (sign * discount)^t: turns the mover's reward at ply t into the leaf player's view
        S s = state;
        int n = legalCount;
        int[] actions = legal;
        playedCount = 0;
        for (int t = 0; t < remainingSteps; t++) {
            int a = actions[random.nextInt(n)];
            if (playedCount == played.length) {
                played = Arrays.copyOf(played, 2 * playedCount);
            }
            played[playedCount++] = a;
            s = problem.step(s, a, reward);
            total += scale * reward[0];
            scale *= sign * discount;
            if (problem.isTerminal(s)) {
                return total + scale * problem.terminalValue(s);
            }
            actions = legalBuffer;
            n = problem.legalActions(s, legalBuffer);
        }
        return total;
    }

    /** The actions of the last playout, in order (empty before the first): what a planner replays to realize it. */
    public int[] lastPlayout() {
        return Arrays.copyOf(played, playedCount);
    }
}
