package dev.lantern.agents.alphazero;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.nn.Backend;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Slow tier, the connect-four benchmark: AlphaZero with {@link AlphaZeroConfig#connectFour()} trained for a
 * wall-clock budget (default 60 minutes, single-threaded: run with {@code OMP_NUM_THREADS=1}), then
 * {@code lantern.az.evalGames} games (default 50, half as first player) against UCT with 200 random-rollout
 * simulations per move; the agent plays with the config's evaluation simulations, no noise, greedy. Asserts a win
 * rate of at least {@code lantern.az.minWinRate} (default 0.8).
 *
 * <p>System properties: {@code lantern.az.minutes} (training budget, default 60), {@code lantern.az.iterations}
 * (iteration cap, default unlimited), {@code lantern.az.evalGames}, {@code lantern.az.minWinRate},
 * {@code lantern.az.seed} (default 1). Example, the full budget:
 * {@code OMP_NUM_THREADS=1 mvn -B -pl environments,agents -am test -Dlantern.excludedGroups=none
 * -Dtest=ConnectFourAlphaZeroTest -Dsurefire.failIfNoSpecifiedTests=false -Dlantern.az.minutes=60}.
 */
@Tag("slow")
class ConnectFourAlphaZeroTest {

    @Test
    void beatsUct200AfterTheTrainingBudget() {
        Backend.configure();
        Game game = ConnectFour.instance();
        double minutes = Double.parseDouble(System.getProperty("lantern.az.minutes", "60"));
        long iterations = Long.getLong("lantern.az.iterations", Long.MAX_VALUE);
        int evalGames = Integer.getInteger("lantern.az.evalGames", 50);
        double minWinRate = Double.parseDouble(System.getProperty("lantern.az.minWinRate", "0.8"));
        long seed = Long.getLong("lantern.az.seed", 1L);
        AlphaZeroConfig config = AlphaZeroConfig.connectFour();
        AlphaZeroAgent agent = AlphaZeroAgent.create(config, game, seed, DataType.FLOAT);
        long start = System.nanoTime();
        AlphaZeroTraining.Summary s = AlphaZeroTraining.run(agent, iterations, minutes, (it, m) -> {
            if (it % 10 == 0) {
                System.out.printf("connect-four progress: iteration %d at %.0f s: loss/policy %.3f loss/value %.3f"
                        + " game_length %.1f positions/s %.1f%n", it, (System.nanoTime() - start) / 1e9,
                        m.get("loss/policy"), m.get("loss/value"), m.get("selfplay/game_length"),
                        m.get("time/selfplay_positions_per_second"));
            }
        });
        long t0 = System.nanoTime();
        GameEvaluator eval = new GameEvaluator(game, config.evalSimulations(), config.cPuct(), seed + 1000);
        MatchResult vsUct = eval.play(agent.net(), Opponent.uct(200), evalGames);
        double evalSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("connect-four: %d iterations in %.1f s (%d games, %d positions, %.1f positions/s overall,"
                + " %d forward passes, %d leaf evaluations, %.1f leaves/pass); vs uct200 %s (win rate %.3f) in %.1f s;"
                + " config %s; last metrics %s%n", s.iterations(), s.seconds(), s.episodes(), s.envSteps(),
                s.envSteps() / s.seconds(), agent.forwardPasses(), agent.leafEvaluations(),
                (double) agent.leafEvaluations() / agent.forwardPasses(), vsUct, vsUct.winRate(), evalSeconds, config,
                s.lastMetrics());
        assertTrue(vsUct.winRate() >= minWinRate, vsUct + " below " + minWinRate);
    }
}
