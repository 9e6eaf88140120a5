package dev.lantern.agents.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.train.GreedyEvaluator;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridStateSpace;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.solve.FiniteHorizon;
import dev.lantern.environments.grid.solve.GridSolution;
import dev.lantern.environments.grid.solve.ValueIteration;
import dev.lantern.environments.registry.EnvRegistry;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PUCT on a grid world with a network's prior and value at the leaves, here an exact "network" or a misleading one. */
class NetworkPuctTest {

    private static final String ID = "grid/four-rooms-v1";

    /** A view over every reachable state: prior all on {@code action(state)}, value V*(state) or 0. */
    private static PolicyValueView view(GridWorld world, GridSolution exact, boolean truthful) {
        GridStateSpace space = GridStateSpace.of(world);
        int n = world.spec().observationSize();
        Map<FloatBuffer, GridState> states = new HashMap<>();
        for (int i = 0; i < space.size(); i++) {
            float[] obs = new float[n];
            world.encode(space.state(i), obs, 0);
            states.put(FloatBuffer.wrap(obs), space.state(i));
        }
        return new PolicyValueView() {
            @Override
            public int actionCount() {
                return 4;
            }

            @Override
            public int inputSize() {
                return n;
            }

            @Override
            public void evaluate(float[] observations, int count, double[] probabilities, double[] values) {
                for (int k = 0; k < count; k++) {
                    GridState s = states.get(FloatBuffer.wrap(observations, k * n, n).slice());
                    int best = space.terminal(space.indexOf(s)) ? 0 : exact.greedyAction(s);
                    int shown = truthful ? best : (best + 1) % 4; // a wrong move everywhere
                    for (int a = 0; a < 4; a++) {
                        probabilities[k * 4 + a] = a == shown ? 1 : 0;
                    }
                    values[k] = truthful ? exact.value(s) : 0;
                }
            }
        };
    }

    private static double evalReturn(boolean truthful, int simulations) {
        GridWorld world = EnvRegistry.make(ID);
        PolicyValueView network = view(world, ValueIteration.solve(world, 0.95), truthful);
        MctsAgentConfig config = new MctsAgentConfig(simulations, 1.0, 0.95, 100, 0, MctsAgentConfig.Backup.MEAN, null);
        MctsAgent agent = new MctsAgent(config, world, 1, network);
        return new GreedyEvaluator(() -> EnvRegistry.make(ID), 2, 1, FiniteHorizon.solve(world).value())
                .evaluate(agent.snapshot()).get("eval/return");
    }

    @Test
    void anExactPriorAndValueReachTheOptimumWithSixteenSimulationsAndAWrongOneDoesNot() {
        assertEquals(0.80, evalReturn(true, 16), 1e-9);
        assertTrue(evalReturn(false, 16) < 0.79, "a prior on a wrong move and a flat value mislead a short search");
    }

    @Test
    void aNetworkOfAnotherShapeIsRefusedNamingBoth() {
        GridWorld world = EnvRegistry.make(ID);
        PolicyValueView small = view(EnvRegistry.make("grid/empty-5x5-v1"),
                ValueIteration.solve(EnvRegistry.make("grid/empty-5x5-v1"), 0.95), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MctsAgent(MctsAgentConfig.defaults(), world, 1, small));
        assertTrue(e.getMessage().contains("grid/four-rooms-v1 shows"), e.getMessage());
    }
}
