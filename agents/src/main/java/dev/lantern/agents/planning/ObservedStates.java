package dev.lantern.agents.planning;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridStateSpace;
import dev.lantern.environments.grid.GridWorld;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The exact grid state behind each observation a world can show: every reachable state ({@link GridStateSpace})
 * encoded as the world encodes it. A planner searches from states, and the evaluator and the lab hand it observations;
 * with one-hot or symbolic observations each state has its own. Immutable once built.
 */
final class ObservedStates {

    private final Map<FloatBuffer, Integer> indexByObservation;
    private final GridStateSpace space;
    private final int inputSize;
    private final String id;

    private ObservedStates(Map<FloatBuffer, Integer> indexByObservation, GridStateSpace space, int inputSize,
            String id) {
        this.indexByObservation = indexByObservation;
        this.space = space;
        this.inputSize = inputSize;
        this.id = id;
    }

    /**
     * Encodes every reachable state of {@code world}.
     *
     * @throws IllegalArgumentException if two states look alike (an egocentric view), naming them
     */
    static ObservedStates of(GridWorld world) {
        GridStateSpace space = GridStateSpace.of(world);
        int size = world.spec().observationSize();
        Map<FloatBuffer, Integer> map = new HashMap<>();
        for (int i = 0; i < space.size(); i++) {
            float[] obs = new float[size];
            world.encode(space.state(i), obs, 0);
            Integer before = map.putIfAbsent(FloatBuffer.wrap(obs), i);
            if (before != null) {
                throw new IllegalArgumentException("the MCTS agent plans from the exact state, but with observation '"
                        + world.observation().kind().configName() + "' states " + space.state(before) + " and "
                        + space.state(i) + " of " + world.spec().id() + " look alike; use env.observation onehot or "
                        + "symbolic");
            }
        }
        return new ObservedStates(map, space, size, world.spec().id());
    }

    /** Floats per observation. */
    int inputSize() {
        return inputSize;
    }

    /** The index in the state space of the state shown at {@code observations[offset .. offset + inputSize)}. */
    int indexOf(float[] observations, int offset) {
        Integer i = indexByObservation.get(FloatBuffer.wrap(observations, offset, inputSize).slice());
        if (i == null) {
            throw new IllegalArgumentException("observation at offset " + offset + " is not one of the "
                    + space.size() + " reachable states of " + id);
        }
        return i;
    }

    /** The state at index {@code i}. */
    GridState state(int i) {
        return space.state(i);
    }
}
