package dev.lantern.agents.alphazero;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.ConfigProblems;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.agents.train.RecordingSession;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.TicTacToe;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Default tier: the agent plays, trains, reports, evaluates, and resumes bit-identically from saved state. */
class AlphaZeroAgentTest {

    private static AlphaZeroConfig tiny() {
        return AlphaZeroConfig.defaults().withSelfPlay(4, 8).withTraining(16, 3, List.of(16, 16));
    }

    @Test
    void smokeIterationPlaysGamesTrainsAndReports() {
        Backend.configure();
        AlphaZeroAgent agent = AlphaZeroAgent.create(tiny(), TicTacToe.instance(), 1, DataType.FLOAT);
        RecordingSession session = new RecordingSession();
        agent.iterate(session);
        assertEquals(4, session.episodes());
        long plies = 0;
        for (int i = 0; i < 4; i++) {
            double outcome = session.episodeReturns().get(i);
            int length = session.episodeLengths().get(i);
            assertTrue(outcome == -1 || outcome == 0 || outcome == 1, "outcome " + outcome);
            assertTrue(length >= 5 && length <= 9, "length " + length);
            plies += length;
        }
        assertEquals(plies, session.envSteps());
        assertEquals(plies, agent.progress().replaySize());
        assertEquals(3, session.updates());
        assertEquals(3, agent.updates());
        for (String m : List.of("loss/policy", "loss/value", "loss/total", "selfplay/first_player_win",
                "selfplay/draw", "mcts/root_visits", "mcts/batch_size", "time/selfplay_positions_per_second")) {
            assertTrue(session.lastMetrics().containsKey(m), m + " in " + session.lastMetrics().keySet());
            assertTrue(Double.isFinite(session.lastMetrics().get(m)), m);
        }
        assertTrue(session.lastMetrics().get("mcts/batch_size") > 1, "leaves per forward pass");
        PolicyValueView view = agent.snapshot();
        float[] obs = TicTacToe.instance().initialState().observation(0);
        double[] p = new double[9];
        double[] v = new double[1];
        view.evaluate(obs, 1, p, v);
        assertEquals(1.0, java.util.Arrays.stream(p).sum(), 1e-9);
        assertTrue(Math.abs(v[0]) <= 1);
    }

    @Test
    void evaluatorReportsRatesAgainstEveryOpponent() {
        Backend.configure();
        Game game = TicTacToe.instance();
        AlphaZeroAgent agent = AlphaZeroAgent.create(tiny(), game, 2, DataType.FLOAT);
        GameEvaluator eval = new GameEvaluator(game, 8, 1.5, 3);
        Map<String, Double> m = eval.evaluate(agent.net(), GameEvaluator.standardOpponents(game, 20), 4);
        for (String name : List.of("random", "minimax", "uct20")) {
            double sum = m.get("eval/vs_" + name + "_win_rate") + m.get("eval/vs_" + name + "_draw_rate")
                    + m.get("eval/vs_" + name + "_loss_rate");
            assertEquals(1.0, sum, 1e-12, name);
        }
        assertEquals(0.0, m.get("eval/vs_minimax_win_rate"), 0.0, "nobody beats exact minimax");
        MatchResult r = eval.play(agent.net(), Opponent.random(), 3);
        assertEquals(3, r.games());
    }

    @Test
    void restoredAgentContinuesBitIdentically() throws IOException {
        Backend.configure();
        Game game = ConnectFour.instance();
        AlphaZeroConfig config = AlphaZeroConfig.defaults().withSelfPlay(3, 6).withTraining(8, 2, List.of(12, 12));
        AlphaZeroAgent a = AlphaZeroAgent.create(config, game, 42, DataType.FLOAT);
        a.iterate(new RecordingSession());
        a.iterate(new RecordingSession());
        ByteArrayOutputStream state = new ByteArrayOutputStream();
        try (StateWriter w = new StateWriter(state)) {
            a.saveState(w);
        }
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        ModelSerializer.writeModel(a.network(), model, true);
        RecordingSession sa = new RecordingSession();
        a.iterate(sa);

        AlphaZeroAgent b = AlphaZeroAgent.create(config, game, 42, DataType.FLOAT);
        ComputationGraph saved = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(model.toByteArray()),
                true);
        b.network().params().assign(saved.params());
        b.network().getUpdater().getStateViewArray().assign(saved.getUpdater().getStateViewArray());
        b.network().getConfiguration().setIterationCount(saved.getConfiguration().getIterationCount());
        try (StateReader r = new StateReader(new ByteArrayInputStream(state.toByteArray()), "test")) {
            b.restoreState(r);
        }
        assertEquals(a.progress().iterations() - 1, b.progress().iterations());
        RecordingSession sb = new RecordingSession();
        b.iterate(sb);

        assertArrayEquals(a.network().params().data().asFloat(), b.network().params().data().asFloat());
        assertArrayEquals(a.network().getUpdater().getStateViewArray().data().asFloat(),
                b.network().getUpdater().getStateViewArray().data().asFloat());
        assertEquals(sa.envSteps(), sb.envSteps());
        assertEquals(sa.lastMetrics().get("loss/total"), sb.lastMetrics().get("loss/total"));
        assertEquals(a.progress().positionsAdded(), b.progress().positionsAdded());

        // and the comparison can fail: a fresh agent that skipped the restore drifts away
        AlphaZeroAgent c = AlphaZeroAgent.create(config, game, 42, DataType.FLOAT);
        c.iterate(new RecordingSession());
        assertFalse(java.util.Arrays.equals(a.network().params().data().asFloat(), c.network().params().data().asFloat()));
    }

    @Test
    void invalidConfigNamesEveryBadField() {
        AlphaZeroConfig bad = new AlphaZeroConfig(0, 64, -1, 0.5, 2, 4, 100, 16, 1, 1e-3, 0, List.of(8), true, 0, 2,
                8, 20);
        List<String> problems = ConfigProblems.of(bad::validate, "agent");
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("agent.gamesPerIteration:"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("agent.cPuct:")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("agent.dirichletFraction:")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("agent.hiddenSizes:")));
        assertThrows(IllegalArgumentException.class, () -> AlphaZeroAgent.create(bad, TicTacToe.instance(), 1,
                DataType.FLOAT));
        AlphaZeroConfig.defaults().checked("agent");
        AlphaZeroConfig.connectFour().checked("agent");
    }
}
