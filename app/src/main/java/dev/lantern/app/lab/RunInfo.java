package dev.lantern.app.lab;

import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.solve.GridSolution;

/**
 * What the views need to know about a run once it is assembled: the world and its exact solution. Immutable (the map
 * and the solution are immutable), so it may cross threads.
 *
 * @param settings        what the run was started with
 * @param envId           the environment's id
 * @param map             the map trained on
 * @param maxEpisodeSteps the time limit of an episode
 * @param groundTruth     value iteration's solution (γ = 1), for the "true V*(s)" heatmap and the optimal return
 */
public record RunInfo(LabSettings settings, String envId, GridMap map, int maxEpisodeSteps, GridSolution groundTruth) {

    /** A fresh world on the run's map, private to the caller (for drawing, the demo episode, encoding states). */
    public GridWorld newWorld() {
        return new GridWorld(envId, map, maxEpisodeSteps);
    }
}
