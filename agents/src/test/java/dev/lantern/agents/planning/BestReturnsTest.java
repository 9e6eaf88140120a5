package dev.lantern.agents.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.mcts.SimulatorProblem;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.registry.EnvRegistry;
import org.junit.jupiter.api.Test;

/** The table of best returns on empty-5x5 (S at row 1 column 1, G at row 3 column 3), against values by hand. */
class BestReturnsTest {

    private static final int R = GridWorld.ACTION_RIGHT;
    private static final int D = GridWorld.ACTION_DOWN;

    private static BestReturns table(double gamma) {
        GridWorld world = EnvRegistry.make("grid/empty-5x5-v1");
        world.resetInPlace(0);
        return new BestReturns(new SimulatorProblem<>(world.simulator(), gamma, 100), gamma);
    }

    @Test
    void aPlayoutThatNeverEndsLeavesNothingKnownAndOneThatEndsLaterJoinsIt() {
        BestReturns bests = table(1.0);
        GridState start = new GridState(1, 1, 0);
        bests.playout(start, new int[] {R, R});
        assertTrue(Double.isNaN(bests.best(start)), "no sequence from the start is known to end yet");
        assertEquals(-1, bests.bestAction(start));
        bests.playout(new GridState(1, 3, 0), new int[] {D, D}); // -0.01, then +0.99 onto G
        assertEquals(0.98, bests.best(new GridState(1, 3, 0)), 1e-12);
        bests.playout(start, new int[] {R, R}); // now ends in a known state: the pieces join
        assertEquals(0.96, bests.best(start), 1e-12); // the exact optimum: 4 steps, 1 - 0.04
        assertEquals(R, bests.bestAction(start));
    }

    @Test
    void aLoopInsideAPlayoutIsCutOutTiesKeepTheFirstAndDiscountingCountsEveryStep() {
        BestReturns bests = table(0.5);
        GridState start = new GridState(1, 1, 0);
        bests.playout(start, new int[] {GridWorld.ACTION_UP, R, R, D, D}); // a wall bump first: back at the start
        double fourSteps = -0.01 - 0.5 * 0.01 - 0.25 * 0.01 + 0.125 * 0.99;
        assertEquals(fourSteps, bests.best(start), 1e-12, "the start's later visit in the playout is the better one");
        assertEquals(R, bests.bestAction(start));
        assertEquals(-0.01 + 0.5 * (-0.01 + 0.5 * 0.99), bests.best(new GridState(1, 2, 0)), 1e-12);
        bests.playout(start, new int[] {D, D, R, R}); // as short: the first kept
        assertEquals(R, bests.bestAction(start));
        bests.playout(start, new int[] {R, GridWorld.ACTION_LEFT, D, D, R, R}); // a detour: no change
        assertEquals(fourSteps, bests.best(start), 1e-12);
        assertEquals(R, bests.bestAction(start));
    }
}
