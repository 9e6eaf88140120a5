package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.solve.OptimalReturn;
import dev.lantern.environments.grid.solve.SolveStatus;
import dev.lantern.environments.registry.EnvRegistry;
import org.junit.jupiter.api.Test;

/** The lab shows a number as the optimum only when it is one. */
class OptimumTextTest {

    @Test
    void rewardGamingDrawsTheTrueOptimumAndSaysTheHeatmapIsUnbounded() {
        // before: "optimal 6.66" (value iteration, gamma 1, stopped by its sweep cap after ~9 s) under an agent
        // earning 21 per episode
        GridWorld world = new GridWorld("grid/reward-gaming-v1", EnvRegistry.map("grid/reward-gaming-v1"), 200);
        RunInfo info = RunInfo.of(new LabSettings("grid/reward-gaming-v1", "ppo", 1, 1000, false), world);
        assertTrue(info.optimum().value() >= 21, info.optimum().describe());
        assertEquals(String.format(java.util.Locale.ROOT, "optimal %.2f", info.optimum().value()),
                OptimumText.chartLabel(info.optimum()));
        assertNull(OptimumText.chartNote(info.optimum()));
        assertEquals(SolveStatus.UNBOUNDED, info.groundTruth().status());
        double v = info.groundTruth().value(new GridState(2, 1, 0));
        assertEquals("V* = +∞ (unbounded, γ = 1.0)", OptimumText.value(info.groundTruth(), v));
    }

    @Test
    void anUnsolvedOptimumDrawsNoLineAndSaysWhy() {
        OptimalReturn large = new OptimalReturn(Double.NaN, SolveStatus.TOO_LARGE, 200, -1, "too many states");
        assertNull(OptimumText.chartLabel(large));
        assertEquals("optimum not solved (too-large)", OptimumText.chartNote(large));
        assertEquals("optimum not solved (too-large)", OptimumText.status(large));
        OptimalReturn exact = new OptimalReturn(0.98, SolveStatus.EXACT, 200, 3, "");
        assertEquals("optimal 0.98", OptimumText.chartLabel(exact));
        assertEquals("optimal 0.980", OptimumText.status(exact));
    }
}
