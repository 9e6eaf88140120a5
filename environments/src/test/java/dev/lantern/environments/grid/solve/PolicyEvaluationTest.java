package dev.lantern.environments.grid.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Exact V^π against hand-computed values, against value iteration, and on bad input. */
class PolicyEvaluationTest {

    private static final GridPolicy UNIFORM = (s, out) -> Arrays.fill(out, 0.25);

    private static GridWorld corridor() {
        return new GridWorld("test/corridor", GridMapParser.parse("corridor.txt", "#####\n#S.G#\n#####\n"), 200);
    }

    @Test
    void uniformPolicyInACorridorMatchesTheHandComputedValues() {
        // S = (1,1), M = (1,2), G = (1,3). Under the uniform policy with gamma 1:
        //   V(S) = 0.75 (-0.01 + V(S)) + 0.25 (-0.01 + V(M))          => V(S) = V(M) - 0.04
        //   V(M) = 0.5 (-0.01 + V(M)) + 0.25 (0.99) + 0.25 (-0.01 + V(S)) => V(M) = 0.92, V(S) = 0.88
        PolicyValues v = PolicyEvaluation.evaluate(corridor(), UNIFORM, 1.0);
        assertTrue(v.converged());
        assertEquals(0.88, v.value(new GridState(1, 1, 0)), 1e-9);
        assertEquals(0.92, v.value(new GridState(1, 2, 0)), 1e-9);
        assertEquals(0.0, v.value(new GridState(1, 3, 0)), 0);
        assertEquals(0.99, v.q(new GridState(1, 2, 0), GridWorld.ACTION_RIGHT), 1e-12);
        assertEquals(-0.01 + 0.88, v.q(new GridState(1, 2, 0), GridWorld.ACTION_LEFT), 1e-9);
    }

    @Test
    void theGreedyOptimalPolicyIsWorthTheOptimalValues() {
        for (String id : EnvRegistry.ids()) {
            GridWorld env = EnvRegistry.make(id);
            GridSolution best = ValueIteration.solve(env, 0.95);
            GridPolicy greedy = (s, out) -> {
                Arrays.fill(out, 0);
                out[best.greedyAction(s)] = 1;
            };
            PolicyValues v = PolicyEvaluation.evaluate(env, greedy, 0.95);
            assertTrue(v.converged(), id);
            assertEquals(best.stateCount(), v.stateCount(), id);
            env.reset(0);
            GridState start = env.state(); // with boxes and the draws of reset(0)
            assertEquals(best.value(start), v.value(start), 1e-9, id);
            // Any other policy is worth at most as much, state by state.
            PolicyValues u = PolicyEvaluation.evaluate(env, UNIFORM, 0.95);
            for (Cell c : env.freeCells()) {
                GridState s = new GridState(c.row(), c.col(), 0);
                if (u.contains(s)) {
                    assertTrue(u.value(s) <= best.value(s) + 1e-9, id + " " + s);
                }
            }
        }
    }

    @Test
    void anImproperPolicyWithGammaOneIsReportedAsNotConverged() {
        GridPolicy alwaysUp = (s, out) -> {
            Arrays.fill(out, 0);
            out[GridWorld.ACTION_UP] = 1;
        };
        PolicyValues v = PolicyEvaluation.evaluate(corridor(), alwaysUp, 1.0, 1e-12, 1000);
        assertFalse(v.converged());
        PolicyValues discounted = PolicyEvaluation.evaluate(corridor(), alwaysUp, 0.9);
        assertTrue(discounted.converged());
        assertEquals(-0.01 / (1 - 0.9), discounted.value(new GridState(1, 1, 0)), 1e-9);
    }

    @Test
    void badPoliciesAreRejectedNamingTheState() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PolicyEvaluation.evaluate(corridor(), (s, out) -> Arrays.fill(out, 0.3), 1.0));
        assertTrue(e.getMessage().contains("sum to"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PolicyEvaluation.evaluate(corridor(), UNIFORM, 0));
    }

    @Test
    void stochasticTransitionsAreAveraged() {
        // Ice between S and G with slip 0.5 (the slips bump into walls); the policy always goes up.
        GridWorld env = new GridWorld("ice", GridMapParser.parse("ice.txt", "@slip: 0.5\n#G#\n#I#\n#S#\n"));
        GridPolicy up = (s, out) -> {
            Arrays.fill(out, 0);
            out[GridWorld.ACTION_UP] = 1;
        };
        PolicyValues v = PolicyEvaluation.evaluate(env, up, 0.9);
        // V(I) = 0.5 * 0.99 + 0.5 * (-0.01 + 0.9 V(I))  =>  V(I) = 0.49 / 0.55
        double vIce = 0.49 / 0.55;
        assertEquals(vIce, v.value(new GridState(1, 1, 0)), 1e-9);
        assertEquals(-0.01 + 0.9 * vIce, v.value(new GridState(2, 1, 0)), 1e-9);
    }
}
