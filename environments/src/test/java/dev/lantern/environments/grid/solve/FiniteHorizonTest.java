package dev.lantern.environments.grid.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.GridWorldTest;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The finite-horizon optimum on tiny maps whose optimum is worked out by hand in each test. */
class FiniteHorizonTest {

    private static final double EPS = 1e-12;

    @Test
    void corridorWithinTheTimeLimit() {
        // two steps: -0.01, then -0.01 + 1 for the goal
        OptimalReturn o = FiniteHorizon.solve(GridWorldTest.world("S.G\n", 100));
        assertEquals(SolveStatus.EXACT, o.status());
        assertTrue(o.known());
        assertEquals(0.98, o.value(), EPS);
        assertEquals(100, o.horizon());
        assertEquals(3, o.states());
        assertEquals("0.9800 (exact, time limit 100 steps, 3 states)", o.describe());
    }

    @Test
    void goalBeyondTheHorizonEarnsOnlyTheStepCosts() {
        GridWorld far = GridWorldTest.world("S...G\n", 3); // the goal is 4 steps away, the episode 3 steps long
        assertEquals(-0.03, FiniteHorizon.solve(far).value(), EPS);
        GridWorld justInTime = GridWorldTest.world("S...G\n", 4);
        assertEquals(0.96, FiniteHorizon.solve(justInTime).value(), EPS);
    }

    @Test
    void theTimeLimitChangesWhichGoalIsBest() {
        // a goal worth 0.1 next to the start, one worth 1 five steps away. With 10 steps: 1 - 0.05 = 0.95. With 3
        // steps only the near one is reachable: 0.1 - 0.01 = 0.09. Value iteration ignores the time limit, heads for the
        // far goal and its greedy rollout earns -0.03 in 3 steps: not the optimum.
        String map = "@legend: g = goal 0.1\ngS....G\n";
        assertEquals(0.95, FiniteHorizon.solve(GridWorldTest.world(map, 10)).value(), EPS);
        GridWorld short3 = GridWorldTest.world(map, 3);
        assertEquals(0.09, FiniteHorizon.solve(short3).value(), EPS);
        assertEquals(-0.03, ValueIteration.solve(short3, 1.0).optimalReturn(), EPS);
    }

    @Test
    void aRewardCycleWithGammaOneIsCollectedOncePerStep() {
        // the bucket pays 0.02 per tomato (one here) for every step spent in it, forever: unbounded without a time
        // limit. Stepping into H (step 1) and bumping against the edge for 9 more steps earns 10 x 0.02; standing on
        // the tomato earns the same; the goal pays 0 and ends the episode.
        String map = "@reward.step: 0\n@legend: G = goal 0\nGtSH\n";
        OptimalReturn o = FiniteHorizon.solve(GridWorldTest.world(map, 10));
        assertEquals(SolveStatus.EXACT, o.status());
        assertEquals(0.2, o.value(), EPS);
        assertEquals(2.0, FiniteHorizon.solve(GridWorldTest.world(map, 100)).value(), 1e-10);
    }

    @Test
    void stopsEarlyWhenAStepChangesNothing() {
        // step reward 0: V_1 = (0, 1, 0), V_2 = (1, 1, 0), V_3 = V_2, so the induction stops after 3 of 10^6 steps
        List<Long> steps = new ArrayList<>();
        GridWorld env = GridWorldTest.world("@reward.step: 0\nS.G\n", 1_000_000);
        OptimalReturn o = FiniteHorizon.solve(env, (phase, done, total, residual) -> {
            assertEquals("finite-horizon solve", phase);
            assertEquals(1_000_000, total);
            steps.add(done);
        });
        assertEquals(1.0, o.value(), EPS);
        assertEquals(List.of(1L, 2L, 3L), steps);
    }

    @Test
    void tooMuchWorkIsNotSolvedAndSaysSo() {
        // S...G: 5 states, 20 transitions a step; a budget of 30 backups ends the solve in its second step
        OptimalReturn o = FiniteHorizon.solve(GridWorldTest.world("S...G\n", 100), 30, SolveProgress.NONE);
        assertEquals(SolveStatus.TOO_LARGE, o.status());
        assertFalse(o.known());
        assertTrue(Double.isNaN(o.value()));
        assertTrue(o.describe().startsWith("not solved (too-large): the values still changed after 1 of 100 steps "
                + "(5 states, 20 transitions)"), o.describe());
        // the same budget is enough where the values stop changing: S.G is stationary after 3 steps of 12 backups
        assertEquals(0.98, FiniteHorizon.solve(GridWorldTest.world("S.G\n", 100), 36, SolveProgress.NONE).value(),
                EPS);
    }

    @Test
    void onlyWhatTheHorizonReachesIsSolvedAndTheResultIsTheSame() {
        // 60 cells of corridor, 10 steps: the goal is out of reach, and only the 11 cells within reach are updated
        GridWorld corridor = GridWorldTest.world("S" + ".".repeat(58) + "G\n", 10);
        assertEquals(-0.10, FiniteHorizon.solve(corridor).value(), EPS);
        // every registered grid, short and long horizons: the same as plain backward induction over all states
        for (String id : EnvRegistry.ids()) {
            if (!id.startsWith("grid/")) {
                continue;
            }
            for (int horizon : new int[] {1, 7, 60}) {
                GridWorld env = new GridWorld(id, EnvRegistry.map(id), horizon);
                assertEquals(plainInduction(env), FiniteHorizon.solve(env).value(), 1e-12, id + " horizon " + horizon);
            }
        }
    }

    /** V_T of the start by backward induction over every state, every step: the definition, with no shortcut. */
    private static double plainInduction(GridWorld env) {
        dev.lantern.environments.grid.GridStateSpace space = dev.lantern.environments.grid.GridStateSpace.of(env);
        double[] v = new double[space.size()];
        for (int k = 1; k <= env.maxEpisodeSteps(); k++) {
            double[] next = new double[v.length];
            for (int s = 0; s < v.length; s++) {
                if (!space.terminal(s)) {
                    next[s] = Double.NEGATIVE_INFINITY;
                    for (int a = 0; a < 4; a++) {
                        next[s] = Math.max(next[s], space.backup(s, a, v, 1.0));
                    }
                }
            }
            v = next;
        }
        return space.startValue(v);
    }

    @Test
    void rewardGamingOptimumIsAtLeastWhatTheAgentEarns() {
        // 6 steps to the bucket H, then 0.12 (6 tomatoes x 0.02) for each of the 195 steps from the 6th to the 200th:
        // 23.4, plus at most 0.14 for tomatoes watered on the way. The lab's PPO agent earns about 21.
        GridWorld env = new GridWorld("grid/reward-gaming-v1", EnvRegistry.map("grid/reward-gaming-v1"), 200);
        OptimalReturn o = FiniteHorizon.solve(env);
        assertEquals(SolveStatus.EXACT, o.status());
        assertTrue(o.value() >= 23.4 - EPS && o.value() <= 23.54 + EPS, o.describe());
        OptimalReturn registered = FiniteHorizon.solve(EnvRegistry.make("grid/reward-gaming-v1")); // 100 steps
        assertTrue(registered.value() >= 95 * 0.12 - EPS && registered.value() <= 95 * 0.12 + 0.14 + EPS,
                registered.describe());
    }
}
