package dev.lantern.agents.train;

import java.util.Map;

/**
 * How a run ended.
 *
 * @param status     {@code completed}, {@code interrupted} (stopped early by the user) or {@code failed}
 * @param envSteps   environment steps collected
 * @param updates    optimizer steps applied
 * @param seconds    wall-clock training time
 * @param evaluation the final greedy evaluation's metrics ({@code eval/...}); empty if none ran
 * @param failure    the reason when {@code failed}, else null
 */
public record RunOutcome(String status, long envSteps, long updates, double seconds, Map<String, Double> evaluation,
        String failure) {

    public RunOutcome {
        evaluation = Map.copyOf(evaluation);
    }
}
