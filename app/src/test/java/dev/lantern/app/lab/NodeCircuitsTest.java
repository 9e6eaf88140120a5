package dev.lantern.app.lab;

import static dev.lantern.app.lab.LabFx.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.alphazero.AlphaZeroView;
import dev.lantern.agents.mcts.GameProblem;
import dev.lantern.agents.mcts.Mcts;
import dev.lantern.agents.mcts.MctsConfig;
import dev.lantern.agents.mcts.RandomRolloutEvaluator;
import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.ActorCriticView;
import dev.lantern.environments.grid.GridChannels;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.TicTacToe;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The tree view's network panel on a hand-built tic-tac-toe network whose circuit is known: only "the side to move
 * owns the centre" (input 4, plane own, cell r1c1) is read: dense0[0] = tanh(2 x4), dense1[0] = tanh(dense0[0]),
 * V = dense1[0] and logit a = (a + 1) dense1[0]. From the zero baseline, integrated gradients must then put all of
 * F(x) - F(0) on the centre cell: tanh(tanh 2) for V and (a + 1) tanh(tanh 2) for the most visited move a, exactly 0
 * on every other cell, the cells summing to output minus baseline.
 */
class NodeCircuitsTest {

    static {
        LabFx.headless();
    }

    private static final double V = Math.tanh(Math.tanh(2));

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** The known circuit, in double precision. */
    static ActorCriticNet centreCircuit() {
        ActorCriticNet net = ActorCriticNet.create(27, 9, new int[] {3, 3}, 1e-3, 0, 1, DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        net.graph().getLayer("torso.dense0").getParam("W").putScalar(4, 0, 2.0);
        net.graph().getLayer("torso.dense1").getParam("W").putScalar(0, 0, 1.0);
        INDArray logits = net.graph().getLayer("policy.logits").getParam("W");
        for (int a = 0; a < 9; a++) {
            logits.putScalar(0, a, a + 1.0);
        }
        net.graph().getLayer("value.out").getParam("W").putScalar(0, 0, 1.0);
        return net;
    }

    @Test
    void thePanelShowsTheKnownCircuitOfTheSelectedNode() throws Exception {
        TicTacToe game = TicTacToe.instance();
        GameState position = game.initialState().next(4).next(0); // x centre, o corner: x to move, owns the centre
        SearchTree<GameState> tree = new Mcts<>(new GameProblem(game), new RandomRolloutEvaluator<>(5),
                MctsConfig.defaults().withSimulations(200)).search(position);
        NetworkCircuits<GameState> circuits = NetworkCircuits.forGame(new AlphaZeroView(centreCircuit()).inspect(),
                game);
        SearchTreeView<GameState> view = fx(() -> new SearchTreeView<>(tree, TreePositions.of(game)
                .withCircuits(circuits)));
        PositionCircuit c = fx(view::shownCircuit);
        assertNotNull(c, "the root is selected at first");
        assertEquals(List.of("torso.dense0", "torso.dense1", "policy.logits", "value.out"),
                c.sites().stream().map(PositionCircuit.SiteRow::site).toList());
        assertEquals(Math.tanh(2), c.sites().get(0).activations()[0], 1e-12);
        assertEquals(0, c.sites().get(0).activations()[1], 0);
        assertEquals(V, c.sites().get(3).activations()[0], 1e-12);
        int move = tree.action(); // temperature 0: the most visited root move
        assertEquals(V * (move + 1), c.sites().get(2).activations()[move], 1e-12);
        assertCentreOnly(c.value(), V);
        assertEquals("logit " + game.actionLabel(move), c.move().target());
        assertCentreOnly(c.move(), V * (move + 1));
        String text = fx(view::circuitText);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "cells sum %+.4f vs gap %+.4f, completeness error", V, V)), text);
        // a child: o to move, the centre is the opponent's: nothing the circuit reads moves, no completeness
        int child = fx(() -> {
            int first = view.treeLayout().firstChild(0);
            view.select(first);
            return first;
        });
        PositionCircuit o = fx(view::shownCircuit);
        assertEquals(0, o.value().output(), 0, "node " + child + ": V = 0 when the centre is not the mover's");
        assertTrue(Double.isNaN(o.value().completenessError()), "no gap: the error is undefined");
    }

    @Test
    void withoutCircuitsThePanelSaysSo() throws Exception {
        TicTacToe game = TicTacToe.instance();
        SearchTree<GameState> tree = new Mcts<>(new GameProblem(game), new RandomRolloutEvaluator<>(5),
                MctsConfig.defaults().withSimulations(20)).search(game.initialState());
        SearchTreeView<GameState> view = fx(() -> new SearchTreeView<>(tree, TreePositions.of(game)));
        assertNull(fx(view::shownCircuit));
        assertEquals("network circuit: no network here", fx(view::circuitText));
    }

    /**
     * A grid network whose value reads one cell of the agent plane: on a one-hot 3 x 4 room, V = tanh(tanh(2 a)) with
     * a = "the agent is at (1, 2)". Against the same map without the agent, all of V(x) - V(b) = tanh(tanh 2) sits on
     * cell (1, 2) where the agent is, nothing elsewhere; with the agent elsewhere V does not move (no gap).
     */
    @Test
    void gridCircuitsPutTheValueOnTheCellTheNetworkReads() {
        GridWorld world = new GridWorld("room", GridMapParser.parse("room.txt", "S...\n....\n...G\n"), 20,
                GridObservation.oneHot());
        int cells = 12;
        int features = world.spec().observationSize();
        ActorCriticNet net = ActorCriticNet.create(features, 4, new int[] {2, 2}, 1e-3, 0, 1, DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        net.graph().getLayer("torso.dense0").getParam("W").putScalar(GridChannels.AGENT * cells + 6, 0, 2.0);
        net.graph().getLayer("torso.dense1").getParam("W").putScalar(0, 0, 1.0);
        net.graph().getLayer("value.out").getParam("W").putScalar(0, 0, 1.0);
        NetworkCircuits<GridState> circuits = NetworkCircuits.forGrid(new ActorCriticView(net, 0).inspect(), world);
        PositionCircuit at = circuits.at(new GridState(1, 2, 0), GridWorld.ACTION_RIGHT);
        assertEquals(3, at.rows());
        assertEquals(4, at.cols());
        double[] v = at.value().perCell();
        for (int i = 0; i < cells; i++) {
            assertEquals(i == 6 ? V : 0, v[i], i == 6 ? 1e-9 : 0, "cell " + i);
        }
        assertEquals(at.value().output() - at.value().baselineOutput(), at.value().sum(), 1e-9);
        assertTrue(at.value().completenessError() < 1e-9);
        assertEquals("logit right", at.move().target());
        assertEquals(0, at.move().output(), 0, "no logit weights");
        PositionCircuit away = circuits.at(new GridState(0, 0, 0), -1);
        assertNull(away.move(), "a leaf: no move attributed");
        assertEquals(0, away.value().output(), 0);
        assertTrue(Double.isNaN(away.value().completenessError()));
        assertSame(at, circuits.at(new GridState(1, 2, 0), GridWorld.ACTION_RIGHT), "answers are kept");
    }

    private static void assertCentreOnly(PositionCircuit.CellScores s, double expected) {
        double[] cells = s.perCell();
        assertEquals(9, cells.length);
        for (int i = 0; i < 9; i++) {
            assertEquals(i == 4 ? expected : 0, cells[i], i == 4 ? 1e-9 : 0, s.target() + " cell " + i);
        }
        assertEquals(expected, s.output(), 1e-12);
        assertEquals(0, s.baselineOutput(), 0);
        assertEquals(s.output() - s.baselineOutput(), s.sum(), 1e-9, "completeness");
        assertTrue(s.completenessError() < 1e-9, s.target() + ": " + s.completenessError());
    }
}
