package dev.lantern.app.lab;

import dev.lantern.app.engine.SolveProgressPrinter;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.solve.FiniteHorizon;
import dev.lantern.environments.grid.solve.GridSolution;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.solve.OptimalReturn;
import dev.lantern.environments.grid.solve.ValueIteration;

/**
 * What the views need to know about a run once it is assembled: the world and its exact solution. Immutable (the map
 * and the solution are immutable), so it may cross threads.
 *
 * @param settings        what the run was started with
 * @param envId           the environment's id
 * @param map             the map trained on
 * @param maxEpisodeSteps the time limit of an episode
 * @param observation     what the agent sees (one-hot, egocentric or symbolic): the frames encode states with it
 * @param groundTruth     value iteration's solution (γ = 1, time limit ignored), for the "true V*(s)" heatmap; its
 *                        {@link GridSolution#status()} says whether the values are the truth (reward-gaming's are
 *                        unbounded)
 * @param optimum         the optimal return within the time limit ({@link FiniteHorizon}), for the dashed line on the
 *                        return chart and the status line: the same quantity as the episode and evaluation returns
 */
public record RunInfo(LabSettings settings, String envId, GridMap map, int maxEpisodeSteps, GridObservation observation,
        GridSolution groundTruth, OptimalReturn optimum) {

    /**
     * What a run on {@code world} (a world like the ones trained on) shows, with its exact solutions; progress of a
     * long solve goes to stderr.
     */
    public static RunInfo of(LabSettings settings, GridWorld world) {
        SolveProgressPrinter progress = SolveProgressPrinter.toStderr(world.spec().id());
        OptimalReturn optimum = FiniteHorizon.solve(world, progress);
        GridSolution values = ValueIteration.solve(world, 1.0, ValueIteration.DEFAULT_TOLERANCE,
                ValueIteration.DEFAULT_MAX_SWEEPS, progress);
        progress.finish();
        return new RunInfo(settings, world.spec().id(), world.map(), world.maxEpisodeSteps(), world.observation(),
                values, optimum);
    }

    /**
     * A fresh world like the ones trained on (map, time limit, observation), private to the caller (for drawing, the
     * demo episode, encoding states).
     */
    public GridWorld newWorld() {
        return new GridWorld(envId, map, maxEpisodeSteps, observation);
    }
}
