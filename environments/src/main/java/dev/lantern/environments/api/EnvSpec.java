package dev.lantern.environments.api;

import java.util.Arrays;
import java.util.List;

/**
 * Describes an environment: its id, observation layout and actions.
 *
 * @param id               versioned id, e.g. {@code grid/four-rooms-v1}, or {@code map:<file>} for a user's map
 * @param observationShape row-major shape of one observation, e.g. {@code [channels, height, width]}
 * @param actionLabels     one label per action, index = action id (e.g. {@code up, down, right, left})
 * @param maxEpisodeSteps  the time limit: the step that reaches it is {@code truncated}
 */
public record EnvSpec(String id, int[] observationShape, List<String> actionLabels, int maxEpisodeSteps) {

    public EnvSpec {
        observationShape = observationShape.clone();
        actionLabels = List.copyOf(actionLabels);
        if (maxEpisodeSteps <= 0) {
            throw new IllegalArgumentException("maxEpisodeSteps must be > 0, got " + maxEpisodeSteps);
        }
    }

    /** A copy of the observation shape. */
    @Override
    public int[] observationShape() {
        return observationShape.clone();
    }

    /** Number of floats in one observation: the product of the shape. */
    public int observationSize() {
        int n = 1;
        for (int d : observationShape) {
            n *= d;
        }
        return n;
    }

    /** Number of discrete actions. */
    public int actionCount() {
        return actionLabels.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvSpec s && s.id.equals(id) && Arrays.equals(s.observationShape, observationShape)
                && s.actionLabels.equals(actionLabels) && s.maxEpisodeSteps == maxEpisodeSteps;
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(observationShape);
    }

    @Override
    public String toString() {
        return "EnvSpec[" + id + ", shape=" + Arrays.toString(observationShape) + ", actions=" + actionLabels
                + ", maxEpisodeSteps=" + maxEpisodeSteps + "]";
    }
}
