package dev.lantern.agents.alphazero;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.train.RunOutcome;
import dev.lantern.agents.train.StopAfter;
import dev.lantern.agents.train.Trainer;
import dev.lantern.agents.train.TrainerSettings;
import dev.lantern.agents.train.TrainingControl;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.TicTacToe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Slow tier: with its default settings, AlphaZero trained for {@value #ITERATIONS} iterations on tic-tac-toe (32
 * games of 64 simulations and 32 Adam steps each) never loses to exact minimax over 100 games, 50 as first player
 * and 50 as second (minimax breaks ties between optimal moves at random, so the games differ). The agent plays with
 * {@value #EVAL_SIMULATIONS} PUCT simulations per move, no noise, greedy. Trained and evaluated the product's way: the
 * {@link Trainer} with the {@link GameEvaluator}'s matches as its final evaluation, stopped after the iterations. Run: {@code mvn -B verify -Pslow}
 * (or {@code -Dlantern.excludedGroups=none -Dtest=TicTacToeAlphaZeroTest}).
 */
@Tag("slow")
class TicTacToeAlphaZeroTest {

    static final int ITERATIONS = 80;
    static final int EVAL_SIMULATIONS = 200;

    @Test
    void neverLosesToMinimaxFromEitherSide() {
        Backend.configure();
        Game game = TicTacToe.instance();
        int iterations = Integer.getInteger("lantern.az.ttt.iterations", ITERATIONS);
        AlphaZeroAgent agent = AlphaZeroAgent.create(AlphaZeroConfig.defaults(), game, 1, DataType.FLOAT);
        GameEvaluator matches = new GameEvaluator(game, EVAL_SIMULATIONS, agent.config().cPuct(), 2);
        TrainingControl control = new TrainingControl();
        RunOutcome outcome = Trainer.builder(agent, new TrainerSettings(Long.MAX_VALUE, 0, 10)).control(control)
                .recorder(StopAfter.iterations(control, iterations))
                .evaluator(view -> matches.evaluate(((AlphaZeroView) view).net(),
                        List.of(Opponent.minimax(), Opponent.random()), 100))
                .build().run();
        Map<String, Double> eval = outcome.evaluation();
        System.out.printf("tic-tac-toe: %d iterations in %.1f s (%d positions, %d updates); %s%n", iterations,
                outcome.seconds(), outcome.envSteps(), outcome.updates(), eval);
        assertEquals("interrupted", outcome.status(), "stopped by the iteration budget: " + outcome.failure());
        assertEquals(0.0, eval.get("eval/vs_minimax_loss_rate"), eval.toString());
        assertEquals(0.0, eval.get("eval/vs_random_loss_rate"), eval.toString());
    }
}
