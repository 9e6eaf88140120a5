package dev.lantern.agents.alphazero;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.agents.nn.Backend;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.TicTacToe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Slow tier: with its default settings, AlphaZero trained for {@value #ITERATIONS} iterations on tic-tac-toe (32
 * games of 64 simulations and 32 Adam steps each) never loses to exact minimax over 100 games, 50 as first player
 * and 50 as second (minimax breaks ties between optimal moves at random, so the games differ). The agent plays with
 * {@value #EVAL_SIMULATIONS} PUCT simulations per move, no noise, greedy. Run: {@code mvn -B verify -Pslow}
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
        AlphaZeroTraining.Summary s = AlphaZeroTraining.run(agent, iterations, Double.POSITIVE_INFINITY);
        GameEvaluator eval = new GameEvaluator(game, EVAL_SIMULATIONS, agent.config().cPuct(), 2);
        MatchResult vsMinimax = eval.play(agent.net(), Opponent.minimax(), 100);
        MatchResult vsRandom = eval.play(agent.net(), Opponent.random(), 100);
        System.out.printf("tic-tac-toe: %d iterations in %.1f s (%d games, %d positions); vs minimax %s; vs random %s;"
                + " last metrics %s%n", s.iterations(), s.seconds(), s.episodes(), s.envSteps(), vsMinimax, vsRandom,
                s.lastMetrics());
        assertEquals(0, vsMinimax.losses(), vsMinimax.toString());
        assertEquals(0, vsRandom.losses(), vsRandom.toString());
    }
}
