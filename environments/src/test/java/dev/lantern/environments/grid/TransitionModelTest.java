package dev.lantern.environments.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lantern.environments.registry.EnvRegistry;
import dev.lantern.environments.registry.EveryRegisteredGrid;
import java.util.SplittableRandom;

/**
 * The live world, the simulator and the exact solvers share one transition model: every sampled live step must be one
 * of the solver's outcomes of that state and action, with the same reward, performance and end; the outcome
 * probabilities sum to 1; and the empirical frequencies match the probabilities.
 */
class TransitionModelTest {

    @EveryRegisteredGrid
    void liveStepsAreAmongTheSolversTransitions(String id) {
        GridWorld live = EnvRegistry.make(id, 60);
        GridStateSpace space = GridStateSpace.of(live.dynamics());
        SplittableRandom rng = new SplittableRandom(id.hashCode());
        for (int s = 0; s < space.size(); s++) {
            for (int a = 0; a < 4; a++) {
                double total = 0;
                for (int e = space.first[s * 4 + a]; e < space.first[s * 4 + a + 1]; e++) {
                    total += space.prob[e];
                }
                assertEquals(1.0, total, 1e-12, id + " state " + space.state(s) + " action " + a);
            }
        }
        for (int episode = 0; episode < 200; episode++) {
            live.reset(episode);
            assertTrue(space.indexOf(live.state()) >= 0, id + ": start " + live.state() + " not in the state space");
            while (!live.episodeOver()) {
                int s = space.indexOf(live.state());
                int action = rng.nextInt(4);
                live.stepInPlace(action);
                int j = space.indexOf(live.state());
                boolean found = false;
                for (int e = space.first[s * 4 + action]; e < space.first[s * 4 + action + 1]; e++) {
                    if (space.to[e] == j && space.reward[e] == live.lastReward()
                            && space.performance[e] == live.lastPerformance()) {
                        found = true;
                    }
                }
                if (!found) {
                    fail(id + ": live step " + space.state(s) + " --" + action + "--> " + live.state() + " reward "
                            + live.lastReward() + " is not among the solver's outcomes");
                }
                assertEquals(space.terminal[j], live.lastTerminated(), id);
            }
        }
    }

    @EveryRegisteredGrid
    void sampledFrequenciesMatchTheProbabilities(String id) {
        GridWorld live = EnvRegistry.make(id);
        GridStateSpace space = GridStateSpace.of(live.dynamics());
        live.reset(0);
        int s = space.indexOf(live.state());
        for (int a = 0; a < 4; a++) {
            int[] counts = new int[space.size()];
            int n = 4000;
            GridWorld probe = EnvRegistry.make(id);
            for (int i = 0; i < n; i++) {
                probe.resetInPlace(i); // a different generator each time; keep only the draws with the same start
                if (!probe.state().equals(live.state())) {
                    continue;
                }
                probe.stepInPlace(a);
                counts[space.indexOf(probe.state())]++;
            }
            int total = 0;
            for (int c : counts) {
                total += c;
            }
            double[] expected = new double[space.size()];
            for (int e = space.first[s * 4 + a]; e < space.first[s * 4 + a + 1]; e++) {
                expected[space.to[e]] += space.prob[e];
            }
            for (int j = 0; j < space.size(); j++) {
                double freq = counts[j] / (double) total;
                assertEquals(expected[j], freq, 0.05, id + " action " + a + " to " + space.state(j));
            }
        }
    }
}
