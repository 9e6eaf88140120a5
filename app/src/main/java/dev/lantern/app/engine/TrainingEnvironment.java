package dev.lantern.app.engine;

import dev.lantern.agents.api.TrainsOn;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.config.EnvConfig;
import dev.lantern.environments.api.MapFormatException;
import dev.lantern.environments.api.MapProblem;
import dev.lantern.environments.api.Environment;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameRegistry;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.levels.MazeLevels;
import dev.lantern.environments.grid.levels.ProceduralGridWorld;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.Optional;

/**
 * The environment an experiment trains on, resolved once from its {@link EnvConfig}: a registered grid world, a user's
 * map file (parsed and checked) or a board game, with the observation and the time limit. {@code run}, {@code resume}
 * and the lab all train through {@link ExperimentRun}, which resolves it here. Immutable (maps and games are).
 *
 * @param envId           the id: a registered {@code grid/...} or {@code game/...} id, or {@code map:<file name>}
 * @param map             the grid world's map, or null for a game
 * @param game            the board game, or null for a grid world
 * @param maxEpisodeSteps a grid world's time limit in steps
 * @param observation     what a grid learner sees (one-hot, egocentric or symbolic)
 */
public record TrainingEnvironment(String envId, GridMap map, Game game, int maxEpisodeSteps,
        GridObservation observation) {

    /**
     * Resolves {@code env}: a game id to its game, a map file to its parsed map, a grid id to its registered map.
     *
     * @throws ConfigException listing every problem of a map file, as {@code file:line:column: message}
     */
    public static TrainingEnvironment resolve(EnvConfig env) {
        if (env.isGame()) {
            return new TrainingEnvironment(env.id(), null, GameRegistry.make(env.id()), env.maxEpisodeSteps(),
                    env.observation());
        }
        if (env.map() != null) {
            GridMap map;
            try {
                map = GridMapParser.parse(env.map());
            } catch (MapFormatException ex) {
                throw new ConfigException(ex.problems().stream().map(MapProblem::toString).toList());
            }
            return new TrainingEnvironment("map:" + env.map().getFileName(), map, null, env.maxEpisodeSteps(),
                    env.observation());
        }
        return new TrainingEnvironment(env.id(), EnvRegistry.map(env.id()), null, env.maxEpisodeSteps(),
                env.observation());
    }

    /** What learners of this environment must train on. */
    public TrainsOn trainsOn() {
        return game != null ? TrainsOn.BOARD_GAMES : TrainsOn.GRID_WORLDS;
    }

    /**
     * A fresh grid world like the ones trained on: the map, the time limit and the observation.
     *
     * @throws IllegalStateException for a game
     */
    public GridWorld newWorld() {
        if (game != null) {
            throw new IllegalStateException(envId + " is a game, not a grid world");
        }
        return new GridWorld(envId, map, maxEpisodeSteps, observation);
    }

    /**
     * The level family of a procedural id ({@code grid/procedural-maze-15-v1}, ...), empty for one map or a game. For
     * a family, {@link #map()} and {@link #newWorld()} are its named level (training level 0): what the tools that
     * need one map (the circuits over every state, the lab's grid views, {@code lantern analyze}) read.
     */
    public Optional<MazeLevels> levels() {
        return game == null && EnvRegistry.ids().contains(envId) ? EnvRegistry.levels(envId) : Optional.empty();
    }

    /**
     * A fresh environment like the ones trained on: for a level family a {@link ProceduralGridWorld} (a new training
     * level each episode), otherwise {@link #newWorld()}. What the learners are built on.
     *
     * @throws IllegalStateException for a game
     */
    public Environment newEnvironment() {
        Optional<MazeLevels> levels = levels();
        if (levels.isPresent()) {
            return new ProceduralGridWorld(levels.get(), maxEpisodeSteps, observation);
        }
        return newWorld();
    }

    /** Floats in one observation. */
    public int observationSize() {
        return game != null ? game.observationSize() : newWorld().spec().observationSize();
    }
}
