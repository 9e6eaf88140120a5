package dev.lantern.agents.alphazero;

import dev.lantern.agents.train.CountingSession;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link AlphaZeroAgent} for a budget of iterations or wall-clock minutes, whichever ends first, without a
 * run directory (the {@link dev.lantern.agents.train.Trainer} counts environment steps; a game-playing budget is
 * naturally counted in iterations or time). An iteration is never cut: the budget is checked between iterations, so
 * the run may exceed the minutes by up to one iteration. Logs one INFO line per iteration with its main metrics.
 */
public final class AlphaZeroTraining {

    private static final Logger LOG = LoggerFactory.getLogger(AlphaZeroTraining.class);

    /**
     * What a budgeted run did.
     *
     * @param iterations  iterations run
     * @param seconds     wall-clock seconds
     * @param envSteps    moves played in self-play
     * @param episodes    games played
     * @param lastMetrics the last value of every metric reported
     */
    public record Summary(long iterations, double seconds, long envSteps, long episodes,
            Map<String, Double> lastMetrics) {
    }

    private AlphaZeroTraining() {
    }

    /**
     * Iterates {@code agent} until {@code maxIterations} iterations or {@code maxMinutes} minutes have passed.
     *
     * @param maxIterations the most iterations, {@code >= 1} ({@link Long#MAX_VALUE} for no limit)
     * @param maxMinutes    the most wall-clock minutes, {@code > 0} ({@link Double#POSITIVE_INFINITY} for no limit)
     * @throws IllegalArgumentException if a budget is out of range
     */
    public static Summary run(AlphaZeroAgent agent, long maxIterations, double maxMinutes) {
        return run(agent, maxIterations, maxMinutes, (iteration, metrics) -> { });
    }

    /**
     * As {@link #run(AlphaZeroAgent, long, double)}, calling {@code afterIteration} with the iteration number (from
     * 1) and the last value of every metric after each iteration, e.g. to print progress.
     */
    public static Summary run(AlphaZeroAgent agent, long maxIterations, double maxMinutes,
            BiConsumer<Long, Map<String, Double>> afterIteration) {
        if (maxIterations < 1 || !(maxMinutes > 0)) {
            throw new IllegalArgumentException("need maxIterations >= 1 and maxMinutes > 0, got " + maxIterations
                    + " and " + maxMinutes);
        }
        CountingSession session = new CountingSession();
        long start = System.nanoTime();
        long deadline = Double.isInfinite(maxMinutes) ? Long.MAX_VALUE : start + (long) (maxMinutes * 60e9);
        long iterations = 0;
        while (iterations < maxIterations && System.nanoTime() < deadline) {
            agent.iterate(session);
            iterations++;
            Map<String, Double> m = session.lastMetrics();
            LOG.info("iteration {} ({} s): loss/policy {} loss/value {} first_player_win {} draw {} positions/s {}"
                    + " batch {}", iterations, String.format("%.1f", (System.nanoTime() - start) / 1e9),
                    fmt(m.get("loss/policy")), fmt(m.get("loss/value")), fmt(m.get("selfplay/first_player_win")),
                    fmt(m.get("selfplay/draw")), fmt(m.get("time/selfplay_positions_per_second")),
                    fmt(m.get("mcts/batch_size")));
            afterIteration.accept(iterations, m);
        }
        return new Summary(iterations, (System.nanoTime() - start) / 1e9, session.envSteps(), session.episodes(),
                Map.copyOf(session.lastMetrics()));
    }

    private static String fmt(Double v) {
        return v == null ? "-" : String.format("%.3f", v);
    }
}
