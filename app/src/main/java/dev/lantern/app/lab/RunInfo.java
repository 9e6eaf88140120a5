package dev.lantern.app.lab;

import dev.lantern.agents.api.AgentConfig;
import dev.lantern.agents.registry.Learners;
import dev.lantern.app.engine.SolveProgressPrinter;
import dev.lantern.app.engine.TrainingEnvironment;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.solve.FiniteHorizon;
import dev.lantern.environments.grid.solve.GridSolution;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.solve.OptimalReturn;
import dev.lantern.environments.grid.solve.ValueIteration;
import java.lang.reflect.RecordComponent;

/**
 * What the views need to know about a run once it is assembled: the world and its exact solutions. Immutable (the map
 * and the solutions are immutable), so it may cross threads.
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
 * @param discount        the learner's discount γ (its {@code gamma} hyperparameter; 1 for a learner without one):
 *                        the value head's error is measured at it
 * @param discountedTruth value iteration's solution at {@code discount} (time limit ignored): the V* that the value
 *                        head's error overlay subtracts
 */
public record RunInfo(LabSettings settings, String envId, GridMap map, int maxEpisodeSteps, GridObservation observation,
        GridSolution groundTruth, OptimalReturn optimum, double discount, GridSolution discountedTruth) {

    /**
     * What a run on {@code world} (a world like the ones trained on) shows, with its exact solutions; progress of a
     * long solve goes to stderr.
     */
    public static RunInfo of(LabSettings settings, GridWorld world) {
        SolveProgressPrinter progress = SolveProgressPrinter.toStderr(world.spec().id());
        OptimalReturn optimum = FiniteHorizon.solve(world, progress);
        GridSolution values = ValueIteration.solve(world, 1.0, ValueIteration.DEFAULT_TOLERANCE,
                ValueIteration.DEFAULT_MAX_SWEEPS, progress);
        double gamma = discountOf(Learners.find(settings.agentType()).defaults());
        GridSolution discounted = gamma == 1.0 ? values : ValueIteration.solve(world, gamma,
                ValueIteration.DEFAULT_TOLERANCE, ValueIteration.DEFAULT_MAX_SWEEPS, progress);
        progress.finish();
        return new RunInfo(settings, world.spec().id(), world.map(), world.maxEpisodeSteps(), world.observation(),
                values, optimum, gamma, discounted);
    }

    /**
     * What a run with {@code settings} will show, before it starts: the world the lab would train on (the same
     * environment, time limit and observation as {@link LabController#experimentFor}) with its exact solutions.
     *
     * @throws IllegalArgumentException if the settings' environment is not a grid world
     */
    public static RunInfo preview(LabSettings settings) {
        TrainingEnvironment env = TrainingEnvironment.resolve(LabController.experimentFor(settings).env());
        if (env.map() == null) {
            throw new IllegalArgumentException("the lab draws grid worlds; " + settings.envId() + " is not one");
        }
        return of(settings, env.newWorld());
    }

    /**
     * The discount of a learner's hyperparameters: its record component {@code gamma} (every grid learner has one),
     * 1 when it has none.
     */
    static double discountOf(AgentConfig config) {
        RecordComponent[] components = config.getClass().getRecordComponents();
        for (RecordComponent c : components == null ? new RecordComponent[0] : components) {
            if (c.getName().equals("gamma") && c.getType() == double.class) {
                try {
                    return (double) c.getAccessor().invoke(config);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read gamma of " + config.type() + ": " + e, e);
                }
            }
        }
        return 1.0;
    }

    /**
     * A fresh world like the ones trained on (map, time limit, observation), private to the caller (for drawing, the
     * demo episode, encoding states).
     */
    public GridWorld newWorld() {
        return new GridWorld(envId, map, maxEpisodeSteps, observation);
    }
}
