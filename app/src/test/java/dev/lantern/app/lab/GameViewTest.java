package dev.lantern.app.lab;

import static dev.lantern.app.lab.LabFx.fx;
import static dev.lantern.app.lab.LabFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.mcts.GameProblem;
import dev.lantern.agents.mcts.Mcts;
import dev.lantern.agents.mcts.MctsConfig;
import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.analysis.search.ViewEvaluator;
import dev.lantern.app.engine.ExperimentRun;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.Minimax;
import dev.lantern.environments.board.MinimaxSolution;
import dev.lantern.environments.board.TicTacToe;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lab's game view headless (Monocle) on an AlphaZero tic-tac-toe run started paused: its first snapshot is the
 * untrained network, which this test rebuilds independently (the same experiment, seed and initialisation) to check
 * that the board and the table show that network's prior and value and the search's visits and Q, that the exact
 * values are minimax's, that a human move is answered by the agent's own choice, and that stepping through the
 * self-play game shows the positions its recorded moves make.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GameViewTest {

    static {
        LabFx.headless();
    }

    private static final LabSettings SETTINGS = new LabSettings(TicTacToe.ID, "alphazero", 3, 2_000, false);
    private static PolicyValueView untrained;
    private static int simulations;
    private static double cPuct;
    private static LabSession lab;
    private static GameView view;

    @BeforeAll
    static void network() throws Exception {
        ExperimentRun run = ExperimentRun.builder(LabController.experimentFor(SETTINGS)).build();
        untrained = run.agent().snapshot();
        com.google.gson.JsonObject agent = dev.lantern.app.config.ExperimentLoader.toJson(run.experiment())
                .getAsJsonObject("agent");
        simulations = agent.get("simulations").getAsInt();
        cPuct = agent.get("cPuct").getAsDouble();
        lab = LabSession.open(SETTINGS, w -> { });
        view = lab.window().gameView();
        fx(() -> lab.controller().startGame(SETTINGS, true));
    }

    /** A fresh self-play game of the first snapshot, shown from its start with its analysis. */
    @BeforeEach
    void selfPlayGame() throws Exception {
        waitFor("the first snapshot", 20_000, () -> fx(() -> view.feed() != null && !view.busy()));
        fx(() -> {
            view.newSelfPlayGame(0);
            return null;
        });
        waitFor("the self-play game of the first snapshot", 20_000, () -> fx(() -> view.play().moves().length > 0
                && view.settled()));
    }

    @AfterAll
    static void close() throws Exception {
        lab.close();
    }

    private static SearchTree<GameState> search(GameState s) {
        MctsConfig config = new MctsConfig(simulations, MctsConfig.Selection.PUCT, cPuct, 0.3, 0, 0, 1);
        return new Mcts<>(new GameProblem(TicTacToe.instance()), new ViewEvaluator(untrained), config).search(s);
    }

    @Test
    @Order(1)
    void priorValueVisitsAndQAreTheNetworksAndTheSearchs() throws Exception {
        assertTrue(fx(() -> lab.stage().getScene().getRoot().lookup("#gameView") != null), "the game view is shown");
        PositionAnalysis a = fx(() -> view.shown());
        GameState s = a.state();
        assertEquals(0, s.history().length, "the self-play game is shown from its start");
        int[] legal = s.legalActions();
        float[] obs = s.observation(s.currentPlayer());
        double[] p = new double[untrained.actionCount()];
        double[] v = new double[1];
        untrained.evaluate(obs, 1, p, v);
        double legalSum = Arrays.stream(legal).mapToDouble(m -> p[m]).sum();
        SearchTree<GameState> tree = search(s);
        assertEquals(v[0], a.value(), 1e-12, "network value");
        assertEquals(simulations, a.simulations());
        List<List<String>> rows = fx(() -> view.panel().rows());
        assertEquals(legal.length, rows.size());
        for (int j = 0; j < legal.length; j++) {
            int m = legal[j];
            double prior = p[m] / legalSum;
            assertEquals(prior, a.prior()[m], 1e-12, "prior of " + m);
            assertEquals(tree.visits()[m], a.visits()[m], "visits of " + m);
            assertEquals(tree.q()[m], a.q()[m], 1e-12, "Q of " + m);
            assertEquals(String.format(Locale.ROOT, "%.3f", prior), rows.get(j).get(1), "prior drawn in the table");
            assertEquals(Integer.toString(tree.visits()[m]), rows.get(j).get(2), "visits drawn in the table");
            assertEquals((double) tree.visits()[m] / simulations, fx(() -> view.board().shadeOf(m)), 1e-12,
                    "the board's shading by visits");
        }
        fx(() -> {
            view.board().setShade(GameBoard.Shade.PRIOR);
            return null;
        });
        for (int m : legal) {
            assertEquals(p[m] / legalSum, fx(() -> view.board().shadeOf(m)), 1e-12, "the board's shading by prior");
        }
        fx(() -> {
            view.controls().lookup("#searchTree").getClass(); // the button exists
            ((javafx.scene.control.Button) view.controls().lookup("#searchTree")).fire();
            return null;
        });
        waitFor("the search tree view", 20_000, () -> fx(() -> view.treeView() != null));
        SearchTreeView<GameState> tv = fx(() -> view.treeView());
        assertNotNull(tv, "the search tree button opened the tree view");
        assertEquals(simulations, fx(() -> tv.treeLayout().visits(0)), "the tree view's root is the shown search");
        // The node panel's circuits read a copy of the network the search used: its value at the root is the shown one.
        PositionCircuits<GameState> circuits = fx(() -> tv.positions().circuits());
        assertNotNull(circuits, "the tree view has the network's circuits");
        PositionCircuit root = fx(() -> circuits.at(s, -1));
        assertEquals(a.value(), Math.tanh(root.value().output()), 1e-6, "the circuit's network is the search's");
        assertEquals(0, root.value().completenessError(), 1e-3, "integrated gradients sum to output minus baseline");
    }

    @Test
    @Order(2)
    void steppingShowsTheRecordedMovesAndTheExactValuesAreMinimax() throws Exception {
        int[] line = fx(() -> view.play().moves());
        GameState replay = TicTacToe.instance().initialState();
        for (int m : line) {
            replay = replay.next(m);
        }
        assertTrue(replay.isTerminal(), "the recorded self-play game is played to the end");
        MinimaxSolution solution = Minimax.solve(TicTacToe.instance());
        GameState expected = TicTacToe.instance().initialState();
        for (int k = 0; k < line.length; k++) {
            key(k % 2 == 0 ? KeyCode.RIGHT : null);
            if (k % 2 == 1) {
                fx(() -> {
                    ((javafx.scene.control.Button) view.controls().lookup("#forward")).fire();
                    return null;
                });
            }
            expected = expected.next(line[k]);
            GameState e = expected;
            assertEquals(e, fx(() -> view.board().shown()), "after " + (k + 1) + " steps forward");
            if (!e.isTerminal()) {
                waitFor("the analysis of move " + (k + 1), 10_000,
                        () -> fx(() -> view.shown() != null && view.shown().state().equals(e)));
                ExactVerdict verdict = fx(() -> view.shown().exact());
                assertEquals(solution.value(e), verdict.value(), 0, "exact value");
                assertArrayEquals(solution.actionValues(e), verdict.actionValues(), 0, "exact move values");
            }
        }
        key(KeyCode.LEFT);
        GameState before = expected;
        assertEquals(line.length - 1, fx(() -> view.board().shown().history().length), "one step back");
        assertTrue(fx(() -> view.panel().text()).contains("/ " + line.length + " moves"), before.render());
    }

    @Test
    @Order(3)
    void aHumanMoveIsAnsweredByTheAgentsOwnChoice() throws Exception {
        fx(() -> {
            view.controls().selectMode(GamePlay.Mode.HUMAN);
            ((javafx.scene.control.Button) view.controls().lookup("#newGame")).fire();
            return null;
        });
        assertEquals(0, fx(() -> view.play().moves().length));
        double[] local = fx(() -> view.board().centreOf(4));
        javafx.geometry.Point2D scene = fx(() -> view.board().localToScene(local[0], local[1]));
        double[] c = {scene.getX(), scene.getY()};
        fx(() -> {
            javafx.scene.Node canvas = view.board().getChildrenUnmodifiable().get(0);
            Event.fireEvent(canvas, new MouseEvent(MouseEvent.MOUSE_CLICKED, c[0], c[1], c[0], c[1],
                    MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false, true, null));
            return null;
        });
        waitFor("the agent's reply", 10_000, () -> fx(() -> view.play().moves().length == 2));
        int[] moves = fx(() -> view.play().moves());
        assertEquals(4, moves[0], "the clicked centre cell");
        GameState afterHuman = TicTacToe.instance().initialState().next(4);
        assertEquals(search(afterHuman).action(), moves[1], "the agent plays its search's most visited move");
        assertEquals(afterHuman.next(moves[1]), fx(() -> view.board().shown()));
    }

    @Test
    @Order(4) // last: the iteration's snapshot replaces the untrained network the other tests rebuild
    void oneIterationDrawsItsSelfPlayOutcomesAndLosses() throws Exception {
        lab.controller().step();
        GameCharts charts = view.charts();
        waitFor("the first iteration's metrics", 60_000, () -> fx(() -> charts.points("selfplay/draw") >= 1
                && charts.points("loss/policy") >= 1));
        Game game = TicTacToe.instance();
        assertTrue(fx(() -> view.statusText()).contains(game.id()));
    }

    @Test
    @Order(5) // after the iteration: the old run has taken more snapshots than the new one has at its start
    void aNewRunReanalysesTheShownPositionWithItsOwnNetwork() throws Exception {
        fx(() -> {
            view.controls().selectMode(GamePlay.Mode.HUMAN);
            ((javafx.scene.control.Button) view.controls().lookup("#newGame")).fire();
            return null;
        });
        GameState start = TicTacToe.instance().initialState();
        waitFor("the old run's analysis of the empty board", 20_000, () -> fx(() -> view.shown() != null
                && view.shown().state().equals(start)));
        PositionAnalysis old = fx(view::shown);
        GameFeed first = fx(view::feed);
        fx(() -> lab.controller().startGame(SETTINGS, true));
        waitFor("the new run's first snapshot", 20_000, () -> fx(() -> view.feed() != null && view.feed() != first
                && view.snapshots() >= 1));
        // the new run's snapshot 0 must be analysed although the old run's view had analysed later sequence numbers,
        // and the old network's numbers must not stay on the new run's board
        waitFor("the new run's analysis of the shown position", 20_000, () -> fx(() -> view.shown() != old
                && view.shown() != null && view.analyses() >= 1));
        assertEquals(0, fx(() -> view.shown().snapshot()), "the new run's first snapshot");
    }

    private void key(KeyCode code) throws Exception {
        if (code == null) {
            return;
        }
        fx(() -> {
            Event.fireEvent(view.board(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false,
                    false));
            return null;
        });
    }
}
