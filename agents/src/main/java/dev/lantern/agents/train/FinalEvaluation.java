package dev.lantern.agents.train;

import dev.lantern.agents.api.PolicyValueView;
import java.util.Map;

/**
 * What a trainer measures once training ends, on a frozen snapshot of the agent: greedy episodes on a grid world
 * ({@link GreedyEvaluator}), matches against fixed opponents for a game. The metrics ({@code eval/...}) are written at
 * the last step and returned in the run's outcome.
 */
@FunctionalInterface
public interface FinalEvaluation {

    /** Evaluates {@code snapshot}; the metrics in the order they should be reported. */
    Map<String, Double> evaluate(PolicyValueView snapshot);
}
