package dev.lantern.agents.tabular;

import java.util.List;
import java.util.Objects;

/**
 * What {@link TabularAgent#train} returns.
 *
 * @param config         the validated configuration the run used
 * @param episodeReturns undiscounted return of each training episode (behaviour policy, ε-greedy), {@code [episodes]}
 * @param episodeLengths steps of each training episode, {@code [episodes]}
 * @param totalSteps     environment steps over the whole run (the clock of the ε schedule)
 * @param greedy         one episode of the final greedy policy, run after training (exploration off, no updates)
 * @param qTable         the learned action values
 */
public record TabularResult(TabularConfig config, List<Double> episodeReturns, List<Integer> episodeLengths,
        long totalSteps, GreedyRollout greedy, QTable qTable) {

    public TabularResult {
        Objects.requireNonNull(config, "config");
        episodeReturns = List.copyOf(episodeReturns);
        episodeLengths = List.copyOf(episodeLengths);
        Objects.requireNonNull(greedy, "greedy");
        Objects.requireNonNull(qTable, "qTable");
    }

    /** Undiscounted return of the final greedy episode ({@code greedy().totalReturn()}). */
    public double greedyReturn() {
        return greedy.totalReturn();
    }

    /** Mean return of the last {@code n} training episodes (fewer if the run had fewer). */
    public double meanReturnOfLast(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        int from = Math.max(0, episodeReturns.size() - n);
        double sum = 0;
        for (int i = from; i < episodeReturns.size(); i++) {
            sum += episodeReturns.get(i);
        }
        return sum / (episodeReturns.size() - from);
    }
}
