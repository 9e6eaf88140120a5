package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridStateSpace;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.grid.solve.ValueIteration;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The batch holds every state the solvers know, each observed exactly as the agent observes it. */
class StateBatchTest {

    private static final List<String> MAPS = List.of("grid/four-rooms-v1", "grid/key-door-v1", "grid/lava-gap-v1");

    @Test
    void theBatchHasExactlyTheSolversStates() {
        for (String id : MAPS) {
            GridWorld world = EnvRegistry.make(id);
            StateBatch states = StateBatch.of(world);
            assertEquals(ValueIteration.solve(world, 0.99).stateCount(), states.size(), id);
            assertEquals(GridStateSpace.of(world).size(), states.size(), id);
            assertEquals(world.spec().observationSize(), states.observationSize(), id);
            assertEquals((long) states.size() * states.observationSize(), states.observations().length, id);
            Set<String> distinct = new HashSet<>();
            for (int s = 0; s < states.size(); s++) {
                assertEquals(s, states.space().indexOf(states.state(s)), id + " state " + s);
                distinct.add(states.state(s).toString());
            }
            assertEquals(states.size(), distinct.size(), id + ": every state once");
        }
        // key-door has states with and without the key: more states than free cells
        GridWorld keyDoor = EnvRegistry.make("grid/key-door-v1");
        assertTrue(StateBatch.of(keyDoor).size() > keyDoor.freeCells().size());
    }

    @Test
    void eachRowIsWhatTheAgentObservesInThatState() {
        for (GridObservation observation : List.of(GridObservation.oneHot(), GridObservation.egocentric(5),
                GridObservation.symbolic())) {
            GridWorld world = new GridWorld("grid/key-door-v1", EnvRegistry.map("grid/key-door-v1"), 200, observation);
            StateBatch states = StateBatch.of(world);
            SplittableRandom rng = new SplittableRandom(11);
            float[] seen = new float[states.observationSize()];
            world.reset(1);
            Set<Integer> visited = new HashSet<>();
            for (int step = 0; step < 3000; step++) {
                if (world.episodeOver()) {
                    world.reset(step);
                }
                world.observeInto(seen, 0);
                int s = states.space().indexOf(world.state());
                assertTrue(s >= 0, "state " + world.state() + " is in the batch");
                visited.add(s);
                assertArrayEquals(widen(seen), states.observation(s), observation.kind() + " at " + world.state());
                world.step(rng.nextInt(4));
            }
            assertTrue(visited.size() > 20, observation.kind() + ": the walk saw " + visited.size() + " states");
        }
    }

    @Test
    void theDecisionStatesAreTheReachableNonTerminalOnes() {
        GridWorld row = new GridWorld("row", GridMapParser.parse("row.txt", "S...G\n"), 20);
        assertArrayEquals(new boolean[] {true, true, true, true, false}, StateBatch.of(row).decisionStates());
        for (String id : MAPS) {
            StateBatch states = StateBatch.of(EnvRegistry.make(id));
            boolean[] decides = states.decisionStates();
            int[] steps = states.space().stepsFromStart();
            for (int s = 0; s < states.size(); s++) {
                assertEquals(steps[s] >= 0 && !states.space().terminal(s), decides[s], id + " " + states.state(s));
            }
        }
    }

    @Test
    void aStateSpaceOfAnotherMapIsRefused() {
        GridWorld fourRooms = EnvRegistry.make("grid/four-rooms-v1");
        GridStateSpace keyDoor = GridStateSpace.of(EnvRegistry.make("grid/key-door-v1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StateBatch.of(fourRooms, keyDoor));
        assertTrue(e.getMessage().contains("the world plays"), e.getMessage());
        // the same map from another world is accepted
        assertEquals(StateBatch.of(fourRooms).size(),
                StateBatch.of(fourRooms, GridStateSpace.of(EnvRegistry.make("grid/four-rooms-v1"))).size());
    }

    static double[] widen(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return d;
    }
}
