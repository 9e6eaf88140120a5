package dev.lantern.agents.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.Tile;
import dev.lantern.environments.grid.solve.GridSolution;
import dev.lantern.environments.grid.solve.ValueIteration;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Default tier (well under a second of training in all): tabular Q-learning and SARSA on cliff walking (Sutton & Barto
 * 2018, Example 6.6). Budgets: Q-learning 200 episodes, α 0.5, constant ε 0.1 (the book's settings; every seed 0..19
 * already reached the optimum at 100 episodes when the budget was chosen); SARSA 500 episodes, α 0.3, constant ε 0.1
 * (every seed 0..29 ended on the safe path; α 0.5 sometimes leaves a greedy policy that loops until the time limit).
 */
class TabularAgentTest {

    private static final String CLIFF = "grid/cliff-walking-v1";
    /** The cliff and the goal lie on the bottom row. */
    private static final int CLIFF_ROW = 3;

    private static TabularConfig qLearning(long seed) {
        return TabularConfig.defaults().withEpisodes(200).withSeed(seed);
    }

    private static TabularConfig sarsa(long seed) {
        return new TabularConfig(TabularConfig.Algorithm.SARSA, 0.3, 1.0, 0.1, 0.1, 0, 500, seed);
    }

    @Test
    void qLearningReachesTheOptimalCliffWalkingPolicy() {
        GridWorld env = EnvRegistry.make(CLIFF);
        GridSolution vi = ValueIteration.solve(env, 1.0);
        for (long seed = 0; seed < 5; seed++) {
            TabularResult result = TabularAgent.train(env, qLearning(seed));

            assertEquals(vi.optimalReturn(), result.greedyReturn(), "seed " + seed + " greedy return");
            assertEquals(-13.0, result.greedyReturn());
            assertTrue(result.greedy().terminated());
            // Along VI's optimal path, the learned greedy action is VI's or tied with it in Q*.
            GridWorld walk = env.copy();
            walk.resetInPlace(0L);
            while (!walk.episodeOver()) {
                GridState s = walk.state();
                int learned = result.qTable().greedyAction(s);
                int optimal = vi.greedyAction(s);
                assertTrue(learned == optimal
                        || vi.q(s, learned) >= vi.value(s) - GridSolution.TIE_TOLERANCE,
                        "seed " + seed + " at " + s + ": learned " + learned + " " + Arrays.toString(
                                result.qTable().q(s)) + ", optimal " + optimal);
                walk.stepInPlace(optimal);
            }
            assertEquals(Tile.GOAL, env.map().tile(walk.state().row(), walk.state().col()));
        }
    }

    @Test
    void sarsaLearnsTheSaferPathAwayFromTheCliff() {
        GridWorld env = EnvRegistry.make(CLIFF);
        double optimal = ValueIteration.solve(env, 1.0).optimalReturn();
        for (long seed = 0; seed < 5; seed++) {
            TabularResult result = TabularAgent.train(env, sarsa(seed));
            GreedyRollout greedy = result.greedy();

            assertTrue(greedy.terminated(), "seed " + seed + " greedy episode truncated: " + greedy.path());
            GridState end = greedy.finalState();
            assertEquals(Tile.GOAL, env.map().tile(end.row(), end.col()), "seed " + seed);
            assertTrue(result.greedyReturn() < optimal, "seed " + seed + ": " + result.greedyReturn());
            // Between leaving the start and coming down to the goal, the safe path keeps at least one row of margin:
            // it never walks the row next to the cliff (row 2), the one the optimal path takes.
            int minRow = greedy.path().stream().mapToInt(GridState::row).min().orElseThrow();
            assertTrue(minRow <= 1, "seed " + seed + " path stays next to the cliff: " + greedy.path());
        }
    }

    @Test
    void sarsaEarnsMoreOnlineThanQLearningWithTheSameExploration() {
        // S&B figure 6.4: with ε = 0.1 kept on, Q-learning's optimal path along the cliff falls off now and then.
        GridWorld env = EnvRegistry.make(CLIFF);
        TabularConfig q = TabularConfig.defaults().withEpisodes(500);
        TabularResult ql = TabularAgent.train(env, q);
        TabularResult sa = TabularAgent.train(env, q.withAlgorithm(TabularConfig.Algorithm.SARSA));
        assertTrue(sa.meanReturnOfLast(200) > ql.meanReturnOfLast(200),
                "SARSA " + sa.meanReturnOfLast(200) + " vs Q-learning " + ql.meanReturnOfLast(200));
    }

    @Test
    void sameSeedGivesIdenticalTable() {
        GridWorld env = EnvRegistry.make(CLIFF);
        for (TabularConfig config : List.of(qLearning(7), sarsa(7))) {
            TabularResult a = TabularAgent.train(env, config);
            TabularResult b = TabularAgent.train(env, config);
            assertTrue(a.qTable().sameAs(b.qTable()), config.algorithm().toString());
            assertEquals(a.qTable().states(), b.qTable().states());
            for (GridState s : a.qTable().states()) {
                assertTrue(Arrays.equals(a.qTable().q(s), b.qTable().q(s)), s.toString());
            }
            assertEquals(a.episodeReturns(), b.episodeReturns());
            assertEquals(a.greedy(), b.greedy());
        }
        TabularResult other = TabularAgent.train(env, qLearning(8));
        assertFalse(TabularAgent.train(env, qLearning(7)).qTable().sameAs(other.qTable()));
    }

    @Test
    void trainingDoesNotStepTheCallersWorld() {
        GridWorld env = EnvRegistry.make(CLIFF);
        TabularResult result = TabularAgent.train(env, qLearning(0).withEpisodes(3));
        assertTrue(env.episodeOver(), "never reset by the agent");
        assertEquals(3, result.episodeReturns().size());
        assertEquals(result.totalSteps(), result.episodeLengths().stream().mapToLong(Integer::longValue).sum());
    }

    @Test
    void truncationBootstrapsInsteadOfEndingTheValue() {
        // Time limit 1: every episode is one step from the start, truncated unless it falls off the cliff. Moving
        // left at the start bumps into the grid's edge and stays on the start, so with α = 1, γ = 1 the target of
        // Q(start, left) is -1 + max_a Q(start, a) = -1 + Q(start, up) = -2 (up leads to an unseen state, Q 0, so
        // Q(start, up) = -1). Were truncation treated as terminal, Q(start, left) would be -1.
        GridWorld env = EnvRegistry.make(CLIFF, 1);
        TabularConfig config = new TabularConfig(TabularConfig.Algorithm.Q_LEARNING, 1.0, 1.0, 1.0, 1.0, 0, 200, 3L);
        QTable table = TabularAgent.train(env, config).qTable();
        GridState start = env.state();
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
        TabularConfig c = TabularConfig.defaults().withEpsilon(1.0, 0.1, 100);
        assertEquals(1.0, c.epsilonAt(0), 1e-12);
        assertEquals(0.55, c.epsilonAt(50), 1e-12);
        assertEquals(0.1, c.epsilonAt(100), 1e-12);
        assertEquals(0.1, c.epsilonAt(10_000), 1e-12);
        assertEquals(0.1, TabularConfig.defaults().epsilonAt(0), 1e-12);
    }

    @Test
    void badConfigIsRejectedWithFieldPaths() {
        TabularConfig bad = new TabularConfig(null, -1, 1.5, -0.1, 2, -5, 0, 0L);
        List<String> problems = new java.util.ArrayList<>();
        bad.validate("agent", problems);
        assertEquals(List.of(
                "agent.algorithm: must be one of [Q_LEARNING, SARSA], got null",
                "agent.learningRate: must be in (0, 1], got -1.0",
                "agent.gamma: must be in [0, 1], got 1.5",
                "agent.epsilonStart: must be in [0, 1], got -0.1",
                "agent.epsilonEnd: must be in [0, 1], got 2.0",
                "agent.epsilonDecaySteps: must be >= 0, got -5",
                "agent.episodes: must be in [1, 10000000], got 0"), problems);

        List<String> none = new java.util.ArrayList<>();
        TabularConfig.defaults().validate("agent", none);
        assertEquals(List.of(), none);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TabularAgent.train(EnvRegistry.make(CLIFF), TabularConfig.defaults().withEpisodes(0)));
        assertTrue(e.getMessage().contains("tabular.episodes: must be in [1, 10000000], got 0"), e.getMessage());
        TabularConfig nan = new TabularConfig(TabularConfig.Algorithm.SARSA, Double.NaN, Double.NaN, 0.1, 0.1, 0,
                10, 0L);
        List<String> nanProblems = new java.util.ArrayList<>();
        nan.validate("agent", nanProblems);
        assertEquals(2, nanProblems.size(), nanProblems.toString());
    }
}
