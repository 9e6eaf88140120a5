package dev.lantern.environments.grid.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.GridWorldTest;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value iteration says whether its values are the truth: converged, not converged (with the residual), unbounded. */
class ValueIterationStatusTest {

    @Test
    void aConvergedSolveSaysSo() {
        GridSolution sol = ValueIteration.solve(GridWorldTest.world("S.G\n", 100), 1.0);
        assertEquals(SolveStatus.CONVERGED, sol.status());
        assertTrue(sol.status().isTruth());
        assertTrue(sol.describeStatus().startsWith("converged after "), sol.describeStatus());
    }

    @Test
    void theSweepCapGivesNotConvergedWithTheResidual() {
        // sweeps run in reading order from the start: the goal's value reaches the start one cell a sweep
        GridSolution sol = ValueIteration.solve(GridWorldTest.world("S...G\n", 100), 0.9, 1e-12, 2);
        assertEquals(SolveStatus.NOT_CONVERGED, sol.status());
        assertFalse(sol.status().isTruth());
        assertTrue(sol.residual() > 0);
        assertTrue(sol.describeStatus().startsWith("not converged: sweep cap 2 hit, residual "),
                sol.describeStatus());
    }

    @Test
    void aRewardCollectableForeverIsUnboundedWithGammaOne() {
        // the bucket pays 0.02 every step spent in it: with gamma 1 and no time limit, no finite value
        GridWorld env = GridWorldTest.world("@reward.step: 0\n@legend: G = goal 0\nGtSH\n", 10);
        GridSolution sol = ValueIteration.solve(env, 1.0);
        assertEquals(SolveStatus.UNBOUNDED, sol.status());
        assertEquals(Double.POSITIVE_INFINITY, sol.value(new GridState(0, 2, 0)));
        assertEquals(Double.POSITIVE_INFINITY, sol.startValue());
        assertTrue(sol.sweeps() <= 2, sol.toString()); // not run into the cap
        // discounted, the same map has finite values: 0.02 / (1 - 0.9) from the bucket
        GridSolution discounted = ValueIteration.solve(env, 0.9);
        assertEquals(SolveStatus.CONVERGED, discounted.status());
        assertEquals(0.2, discounted.value(new GridState(0, 3, 0)), 1e-9);
    }

    @Test
    void aPositiveStepRewardIsUnbounded() {
        GridSolution sol = ValueIteration.solve(GridWorldTest.world("@reward.step: 0.01\nS.G\n", 100), 1.0);
        assertEquals(SolveStatus.UNBOUNDED, sol.status());
        assertEquals(Double.POSITIVE_INFINITY, sol.value(new GridState(0, 1, 0)));
    }

    @Test
    void rewardGamingWithGammaOneIsUnboundedAtOnce() {
        // before: 100,000 sweeps (about 9 s) ending "not converged" with finite numbers shown as the optimum
        List<Long> sweeps = new ArrayList<>();
        GridSolution sol = ValueIteration.solve(EnvRegistry.make("grid/reward-gaming-v1"), 1.0,
                ValueIteration.DEFAULT_TOLERANCE, ValueIteration.DEFAULT_MAX_SWEEPS,
                (phase, done, total, residual) -> sweeps.add(done));
        assertEquals(SolveStatus.UNBOUNDED, sol.status());
        assertTrue(sweeps.size() <= 2, "sweeps " + sweeps.size());
        assertTrue(sol.describeStatus().startsWith("unbounded"), sol.describeStatus());
    }
}
