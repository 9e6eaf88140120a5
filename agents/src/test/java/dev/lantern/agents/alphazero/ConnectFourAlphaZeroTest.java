package dev.lantern.agents.alphazero;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.train.RunOutcome;
import dev.lantern.agents.train.StopAfter;
import dev.lantern.agents.train.Trainer;
import dev.lantern.agents.train.TrainerSettings;
import dev.lantern.agents.train.TrainingControl;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Slow tier, the connect-four benchmark: AlphaZero with {@link AlphaZeroConfig#connectFour()} trained for a
 * wall-clock budget (default 60 minutes, single-threaded: run with {@code OMP_NUM_THREADS=1}), then
 * {@code lantern.az.evalGames} games (default 50, half as first player) against UCT with 200 random-rollout
 * simulations per move; the agent plays with the config's evaluation simulations, no noise, greedy. Asserts a win
 * rate of at least {@code lantern.az.minWinRate} (default 0.8). Trained and evaluated the product's way: the
 * {@link Trainer} (progress logged every 10 iterations) with the matches as its final evaluation, stopped by the
 * budget.
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
        GameEvaluator matches = new GameEvaluator(game, config.evalSimulations(), config.cPuct(), seed + 1000);
        TrainingControl control = new TrainingControl();
        Map<String, Double> last = new TreeMap<>();
        long start = System.nanoTime();
        RunOutcome outcome = Trainer.builder(agent, new TrainerSettings(Long.MAX_VALUE, 0, 10)).control(control)
                .recorder(StopAfter.budget(control, iterations, minutes))
                .tap((step, name, value) -> last.put(name, value))
                .evaluator(view -> matches.evaluate(((AlphaZeroView) view).net(), List.of(Opponent.uct(200)),
                        evalGames))
                .build().run();
        double winRate = outcome.evaluation().get("eval/vs_uct200_win_rate");
        AlphaZeroAgent.Progress progress = agent.progress();
        System.out.printf("connect-four: %.1f s in all (%d positions, %d updates, %d forward passes, %d leaf"
                + " evaluations, %.1f leaves/pass); vs uct200 %s (win rate %.3f); config %s; last metrics %s%n",
                (System.nanoTime() - start) / 1e9, outcome.envSteps(), outcome.updates(), progress.forwardPasses(),
                progress.leafEvaluations(), (double) progress.leafEvaluations() / progress.forwardPasses(),
                outcome.evaluation(), winRate, config, last);
        assertEquals("interrupted", outcome.status(), "stopped by the budget: " + outcome.failure());
        assertTrue(winRate >= minWinRate, outcome.evaluation() + " below " + minWinRate);
    }
}
