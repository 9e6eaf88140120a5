package dev.lantern.environments.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.api.SimulatedStep;
import dev.lantern.environments.api.Simulator;
import dev.lantern.environments.registry.EnvRegistry;
import dev.lantern.environments.registry.EveryRegisteredGrid;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The planning view agrees with the live environment and never touches it. */
class GridSimulatorTest {

    @EveryRegisteredGrid
    void simulatedStepsAgreeWithLiveSteps(String id) {
        GridWorld live = EnvRegistry.make(id);
        if (StochasticMaps.isStochastic(live)) {
            return; // a sampled simulation need not match the live sample; TransitionModelTest covers these maps
        }
        Simulator<GridState> sim = live.simulator();
        SplittableRandom rng = new SplittableRandom(id.hashCode());
        for (int episode = 0; episode < 20; episode++) {
            live.reset(episode);
            while (!live.episodeOver()) {
                GridState before = live.state();
                int action = rng.nextInt(4);
                SimulatedStep<GridState> s = sim.step(before, action);
                assertEquals(before, live.state(), "simulating must not move the live environment");
                live.stepInPlace(action);
                assertEquals(live.state(), s.next());
                assertEquals(live.lastReward(), s.reward(), 0);
                assertEquals(live.lastPerformance(), s.performance(), 0);
                assertEquals(live.lastTerminated(), s.terminated());
                assertEquals(s.terminated(), sim.isTerminal(s.next()));
            }
        }
    }

    @Test
    void rejectsIllegalActionsTerminalStatesAndWalls() {
        GridWorld live = EnvRegistry.make("grid/four-rooms-v1");
        live.reset(0);
        Simulator<GridState> sim = live.simulator();
        GridState start = sim.currentState();
        assertThrows(IllegalArgumentException.class, () -> sim.step(start, 4));
        assertThrows(IllegalArgumentException.class, () -> sim.step(new GridState(0, 0, 0), 0));
        GridState goal = new GridState(11, 11, 0);
        assertTrue(sim.isTerminal(goal));
        assertThrows(IllegalStateException.class, () -> sim.step(goal, 0));
    }
}
