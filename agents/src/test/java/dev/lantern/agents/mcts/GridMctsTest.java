package dev.lantern.agents.mcts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.api.Simulator;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.solve.GridSolution;
import dev.lantern.environments.grid.solve.ValueIteration;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The same search on a grid world, through {@link GridWorld#simulator()}. */
class GridMctsTest {

    // four-rooms-v1: the goal is at row 11, column 11
    private static final GridState LEFT_OF_GOAL = new GridState(11, 10, 0);
    private static final GridState ABOVE_GOAL = new GridState(10, 11, 0);

    private static Mcts<GridState> mcts(Simulator<GridState> sim, long seed) {
        SimulatorProblem<GridState> problem = new SimulatorProblem<>(sim, 0.95, 20);
        return new Mcts<>(problem, new RandomRolloutEvaluator<>(seed),
                MctsConfig.defaults().withSimulations(400).withSeed(seed));
    }

    @Test
    void stepsOntoTheGoalFromNextToIt() {
        GridWorld world = EnvRegistry.make("grid/four-rooms-v1");
        world.resetInPlace(0);
        Simulator<GridState> sim = world.simulator();
        assertEquals(GridWorld.ACTION_RIGHT, mcts(sim, 1).search(LEFT_OF_GOAL).action());
        assertEquals(GridWorld.ACTION_DOWN, mcts(sim, 2).search(ABOVE_GOAL).action());
    }

    @Test
    void treeOnAGridIsConsistent() {
        GridWorld world = EnvRegistry.make("grid/four-rooms-v1");
        world.resetInPlace(0);
        SearchTree<GridState> tree = mcts(world.simulator(), 3).search(LEFT_OF_GOAL);
        assertEquals(400, Arrays.stream(tree.visits()).sum());
        assertEquals(4, tree.root().children().size());
        assertTrue(tree.root().child(GridWorld.ACTION_RIGHT).isTerminal());
        double[] q = tree.q();
        for (int a = 0; a < 4; a++) {
            assertTrue(q[GridWorld.ACTION_RIGHT] >= q[a], Arrays.toString(q));
        }
    }

    @Test
    void theMaxBackupIsTheReturnOfASimulatedSequenceAndNeverAboveTheDiscountedOptimum() {
        GridWorld world = EnvRegistry.make("grid/four-rooms-v1");
        world.resetInPlace(0);
        GridSolution exact = ValueIteration.solve(world, 0.95);
        SimulatorProblem<GridState> problem = new SimulatorProblem<>(world.simulator(), 0.95, 40);
        MctsConfig config = new MctsConfig(400, MctsConfig.Selection.MAX_UCT, 0.25, 0.3, 0, 0, 1);
        SearchTree<GridState> next = new Mcts<>(problem, new RandomRolloutEvaluator<>(1), config).search(LEFT_OF_GOAL);
        assertEquals(0.99, next.value(), 1e-12, "one step onto the goal pays 0.99");
        assertEquals(GridWorld.ACTION_RIGHT, next.action());
        GridState far = new GridState(8, 8, 0); // 6 steps from the goal
        SearchTree<GridState> tree = new Mcts<>(problem, new RandomRolloutEvaluator<>(2), config).search(far);
        assertTrue(tree.value() > -0.2, "found the goal: " + tree);
        for (Node<GridState> c : tree.root().children()) {
            assertTrue(c.best() <= exact.q(far, c.action()) + 1e-12, c + " best " + c.best());
        }
        assertTrue(tree.value() <= exact.value(far) + 1e-12);
    }

    @Test
    void simulatorProblemRejectsBadHorizonAndDiscount() {
        GridWorld world = EnvRegistry.make("grid/four-rooms-v1");
        assertThrows(IllegalArgumentException.class, () -> new SimulatorProblem<>(world.simulator(), 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new SimulatorProblem<>(world.simulator(), 0.9, 0));
    }
}
