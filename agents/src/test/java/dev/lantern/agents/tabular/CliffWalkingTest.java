package dev.lantern.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.ConfigProblems;
import dev.lantern.agents.tabular.TabularLearnerConfig.Algorithm;
import dev.lantern.agents.train.RecordingSession;
import dev.lantern.environments.grid.solve.GridSolution;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.Tile;
import dev.lantern.environments.grid.solve.ValueIteration;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Default tier (well under a second of training in all): the tabular learner on cliff walking (Sutton & Barto 2018,
 * Example 6.6), one episode per iteration. Q-learning: 200 episodes, α 0.5, γ 1, constant ε 0.1 (the book's
 * settings); SARSA: 1000 episodes, α 0.3, constant ε 0.1 (at 500 episodes, or with α 0.5, a seed may still leave a
 * greedy policy that loops until the time limit).
 */
class CliffWalkingTest {

    private static final String CLIFF = "grid/cliff-walking-v1";

    private static TabularLearner train(Algorithm algorithm, double learningRate, int episodes, long seed,
            RecordingSession session) {
        TabularLearnerConfig config = new TabularLearnerConfig(algorithm, learningRate, 1.0, 0.1, 0.1, 0);
        TabularLearner learner = new TabularLearner(config, EnvRegistry.make(CLIFF), seed);
        for (int i = 0; i < episodes; i++) {
            learner.iterate(session);
        }
        return learner;
    }

    /** The greedy episode from the start (ties to the lowest action, no exploration, no updates): states visited. */
    private static List<GridState> greedyPath(QTable table) {
        GridWorld walk = EnvRegistry.make(CLIFF);
        walk.resetInPlace(0L);
        List<GridState> path = new ArrayList<>(List.of(walk.state()));
        while (!walk.episodeOver()) {
            walk.stepInPlace(table.greedyAction(walk.state()));
            path.add(walk.state());
        }
        assertTrue(walk.lastTerminated(), "greedy episode truncated: " + path);
        return path;
    }

    private static double pathReturn(List<GridState> path) {
        return -(path.size() - 1); // -1 a step; an episode that reaches the goal never fell off the cliff
    }

    @Test
    void qLearningReachesValueIterationsOptimalReturnAndActions() {
        GridWorld env = EnvRegistry.make(CLIFF);
        GridSolution vi = ValueIteration.solve(env, 1.0);
        for (long seed = 0; seed < 5; seed++) {
            QTable table = train(Algorithm.Q_LEARNING, 0.5, 200, seed, new RecordingSession()).table();
            List<GridState> path = greedyPath(table);
            GridState end = path.get(path.size() - 1);
            assertEquals(Tile.GOAL, env.map().tile(end.row(), end.col()), "seed " + seed + ": " + path);
            assertEquals(vi.optimalReturn(), pathReturn(path), "seed " + seed + " greedy return");
            assertEquals(-13.0, pathReturn(path));
            // Along VI's optimal path, the learned greedy action is VI's or tied with it in Q*.
            GridWorld walk = env.copy();
            walk.resetInPlace(0L);
            while (!walk.episodeOver()) {
                GridState s = walk.state();
                int learned = table.greedyAction(s);
                int optimal = vi.greedyAction(s);
                assertTrue(learned == optimal || vi.q(s, learned) >= vi.value(s) - GridSolution.TIE_TOLERANCE,
                        "seed " + seed + " at " + s + ": learned " + learned + " " + Arrays.toString(table.q(s))
                                + ", optimal " + optimal);
                walk.stepInPlace(optimal);
            }
        }
    }

    @Test
    void sarsaLearnsTheSaferPathAwayFromTheCliff() {
        double optimal = ValueIteration.solve(EnvRegistry.make(CLIFF), 1.0).optimalReturn();
        for (long seed = 0; seed < 5; seed++) {
            List<GridState> path = greedyPath(train(Algorithm.SARSA, 0.3, 1000, seed, new RecordingSession()).table());
            GridState end = path.get(path.size() - 1);
            assertEquals(Tile.GOAL, EnvRegistry.make(CLIFF).map().tile(end.row(), end.col()), "seed " + seed);
            assertTrue(pathReturn(path) < optimal, "seed " + seed + ": " + path);
            // The safe path keeps at least one row of margin: it never walks only the row next to the cliff (row 2).
            int minRow = path.stream().mapToInt(GridState::row).min().orElseThrow();
            assertTrue(minRow <= 1, "seed " + seed + " path stays next to the cliff: " + path);
        }
    }

    @Test
    void sarsaEarnsMoreOnlineThanQLearningWithTheSameExploration() {
        // S&B figure 6.4: with ε = 0.1 kept on, Q-learning's optimal path along the cliff falls off now and then.
        RecordingSession q = new RecordingSession();
        RecordingSession sarsa = new RecordingSession();
        train(Algorithm.Q_LEARNING, 0.5, 500, 0, q);
        train(Algorithm.SARSA, 0.5, 500, 0, sarsa);
        assertTrue(meanOfLast(sarsa.episodeReturns(), 200) > meanOfLast(q.episodeReturns(), 200),
                "SARSA " + meanOfLast(sarsa.episodeReturns(), 200) + " vs Q-learning "
                        + meanOfLast(q.episodeReturns(), 200));
    }

    private static double meanOfLast(List<Double> values, int n) {
        return values.subList(values.size() - n, values.size()).stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow();
    }

    @Test
    void truncationBootstrapsInsteadOfEndingTheValue() {
        // Time limit 1: every episode is one step from the start, truncated unless it falls off the cliff. Moving
        // left at the start bumps into the grid's edge and stays on the start, so with α = 1, γ = 1 the target of
        // Q(start, left) is -1 + max_a Q(start, a) = -1 + Q(start, up) = -2 (up leads to an unseen state, Q 0, so
        // Q(start, up) = -1). Were truncation treated as terminal, Q(start, left) would be -1.
        TabularLearnerConfig config = new TabularLearnerConfig(Algorithm.Q_LEARNING, 1.0, 1.0, 1.0, 1.0, 0);
        GridWorld env = EnvRegistry.make(CLIFF, 1);
        TabularLearner learner = new TabularLearner(config, env, 3);
        RecordingSession session = new RecordingSession();
        for (int i = 0; i < 200; i++) {
            learner.iterate(session);
        }
        GridWorld fresh = EnvRegistry.make(CLIFF, 1);
        fresh.resetInPlace(0L);
        GridState start = fresh.state();
        QTable table = learner.table();
        assertEquals(-1.0, table.value(start, GridWorld.ACTION_UP));
        assertEquals(-2.0, table.value(start, GridWorld.ACTION_LEFT), "truncation must bootstrap");
        assertEquals(-101.0, table.value(start, GridWorld.ACTION_RIGHT),
                "stepping into the cliff is terminal: the target is the reward alone");
    }

    @Test
    void greedyTiesGoToTheLowestAction() {
        QTable table = new QTable();
        GridState s = new GridState(0, 0, 0);
        assertEquals(0, table.greedyAction(s));
        assertEquals(0, table.size());
        table.update(s, GridWorld.ACTION_DOWN, 1.0, 1.0);
        table.update(s, GridWorld.ACTION_LEFT, 1.0, 1.0);
        assertEquals(GridWorld.ACTION_DOWN, table.greedyAction(s));
        double[] copy = table.q(s);
        copy[0] = 99;
        assertEquals(0.0, table.value(s, 0), "q() returns a copy");
        assertEquals(List.of(s), table.states());
    }

    @Test
    void epsilonScheduleIsLinear() {
        TabularLearnerConfig c = new TabularLearnerConfig(Algorithm.SARSA, 0.5, 1.0, 1.0, 0.1, 100);
        assertEquals(1.0, c.epsilonAt(0), 1e-12);
        assertEquals(0.55, c.epsilonAt(50), 1e-12);
        assertEquals(0.1, c.epsilonAt(100), 1e-12);
        assertEquals(0.1, c.epsilonAt(10_000), 1e-12);
        assertEquals(0.05, new TabularLearnerConfig(Algorithm.SARSA, 0.5, 1.0, 1.0, 0.05, 0).epsilonAt(0), 1e-12);
    }

    @Test
    void badConfigIsRejectedWithFieldPaths() {
        TabularLearnerConfig bad = new TabularLearnerConfig(Algorithm.SARSA, -1, 1.5, -0.1, 2, -5);
        assertEquals(List.of(
                "agent.learningRate: must be in (0, 1], got -1.0",
                "agent.gamma: must be in [0, 1], got 1.5",
                "agent.epsilonStart: must be in [0, 1], got -0.1",
                "agent.epsilonEnd: must be in [0, 1], got 2.0",
                "agent.epsilonDecaySteps: must be >= 0, got -5"), ConfigProblems.of(bad::validate, "agent"));
        assertEquals(List.of(), ConfigProblems.of(TabularLearnerConfig.defaults()::validate, "agent"));
        List<String> nan = ConfigProblems.of(
                new TabularLearnerConfig(Algorithm.SARSA, Double.NaN, Double.NaN, 0.1, 0.1, 0)::validate, "agent");
        assertEquals(2, nan.size(), nan.toString());
    }
}
