package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.solve.GridSolution;
import dev.lantern.environments.grid.solve.PolicyRollout;
import dev.lantern.environments.grid.solve.ValueIteration;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The greedy outcome from the start is exact: by hand on a row, against rollouts, and by expectation on ice. */
class GreedyOutcomeTest {

    private static int[] constant(StateBatch states, int action) {
        int[] a = new int[states.size()];
        Arrays.fill(a, action);
        return a;
    }

    private static int[] greedy(StateBatch states, GridSolution solution) {
        return IntStream.range(0, states.size()).map(s -> solution.greedyAction(states.state(s))).toArray();
    }

    @Test
    void onARowTheReturnSuccessAndPathAreTheHandComputedOnes() {
        StateBatch row = RowCircuit.states(0, 50);
        GreedyOutcome right = GreedyOutcome.of(row, constant(row, GridWorld.ACTION_RIGHT));
        assertEquals(18 * -0.01 + 0.99, right.expectedReturn(), 1e-12);
        assertEquals(1.0, right.success());
        assertEquals(right.expectedReturn(), right.performance(), 1e-12);
        assertFalse(right.hiddenPerformance());
        assertEquals(IntStream.rangeClosed(0, 19).mapToObj(c -> new Cell(0, c)).toList(), right.path());
        GreedyOutcome left = GreedyOutcome.of(row, constant(row, GridWorld.ACTION_LEFT));
        assertEquals(50 * -0.01, left.expectedReturn(), 1e-12);
        assertEquals(0.0, left.success());
        assertEquals(51, left.path().size(), "the start and one cell a step, until the time limit");
        // a time limit shorter than the way: truncated, no success, every step's reward counted
        StateBatch short10 = RowCircuit.states(0, 10);
        GreedyOutcome cut = GreedyOutcome.of(short10, constant(short10, GridWorld.ACTION_RIGHT));
        assertEquals(0.0, cut.success());
        assertEquals(-0.1, cut.expectedReturn(), 1e-12);
        assertEquals(11, cut.path().size());
    }

    @Test
    void onDeterministicMapsTheOptimalPolicyGetsTheRolloutsReturn() {
        for (String id : List.of("grid/four-rooms-v1", "grid/key-door-v1", "grid/side-effects-v1")) {
            GridWorld world = EnvRegistry.make(id);
            StateBatch states = StateBatch.of(world);
            GridSolution solution = ValueIteration.solve(world, 0.99);
            int[] actions = greedy(states, solution);
            GreedyOutcome o = GreedyOutcome.of(states, actions);
            double rolled = PolicyRollout.undiscountedReturn(world, s -> actions[states.space().indexOf(s)]);
            assertEquals(rolled, o.expectedReturn(), 1e-12, id);
            assertEquals(1.0, o.success(), id);
            // the path is the rollout's: it ends on the goal, one step a cell
            Cell last = o.path().get(o.path().size() - 1);
            assertEquals('G', world.map().symbol(last.row(), last.col()), id);
            double perf = 0;
            GridWorld copy = world.copy();
            copy.resetInPlace(0L);
            do {
                copy.stepInPlace(actions[states.space().indexOf(copy.state())]);
                perf += copy.lastPerformance();
            } while (!copy.lastTerminated() && !copy.lastTruncated());
            assertEquals(perf, o.performance(), 1e-12, id);
            assertEquals(id.contains("side-effects"), o.hiddenPerformance(), id);
        }
    }

    @Test
    void onStochasticMapsItIsTheExpectationOfSampledEpisodes() {
        for (String id : List.of("grid/frozen-lake-4x4-v1", "grid/absent-supervisor-v1")) {
            GridWorld world = EnvRegistry.make(id);
            StateBatch states = StateBatch.of(world);
            int[] actions = greedy(states, ValueIteration.solve(world, 0.99));
            GreedyOutcome o = GreedyOutcome.of(states, actions);
            int episodes = 20_000;
            double sum = 0;
            double sumSq = 0;
            double perf = 0;
            int wins = 0;
            GridWorld copy = world.copy();
            for (int e = 0; e < episodes; e++) {
                copy.resetInPlace(1000L + e);
                double ret = 0;
                do {
                    copy.stepInPlace(actions[states.space().indexOf(copy.state())]);
                    ret += copy.lastReward();
                    perf += copy.lastPerformance();
                } while (!copy.lastTerminated() && !copy.lastTruncated());
                wins += copy.lastTerminated() && copy.lastReward() > 0 ? 1 : 0;
                sum += ret;
                sumSq += ret * ret;
            }
            double mean = sum / episodes;
            double se = Math.sqrt(Math.max(sumSq / episodes - mean * mean, 1e-12) / episodes);
            assertEquals(o.expectedReturn(), mean, 4 * se + 1e-9, id);
            double p = o.success();
            assertEquals(p, wins / (double) episodes, 4 * Math.sqrt(p * (1 - p) / episodes) + 1e-9, id);
            assertTrue(p > 0 && (id.contains("supervisor") || p < 1), id + ": " + p);
            if (o.hiddenPerformance()) {
                assertEquals(o.performance(), perf / episodes, 0.02, id);
            }
        }
        assertTrue(GreedyOutcome.of(StateBatch.of(EnvRegistry.make("grid/absent-supervisor-v1")),
                new int[StateBatch.of(EnvRegistry.make("grid/absent-supervisor-v1")).size()]).hiddenPerformance());
    }
}
