package dev.lantern.app.config;

import dev.lantern.environments.board.GameRegistry;
import dev.lantern.environments.grid.GridObservation;
import java.nio.file.Path;

/**
 * Which environment an experiment trains on: a registered id or a map file of the user's (exactly one).
 *
 * @param id              a registered id such as {@code grid/four-rooms-v1} (see {@code lantern envs}), or null
 * @param map             a map file (format: docs/maps.md), resolved against the experiment file's folder, or null
 * @param maxEpisodeSteps the time limit in steps; default 200
 * @param observation     what the agent sees: {@code onehot} planes (default), an {@code egocentric} window of side
 *                        {@code viewSize} (default 5), or a {@code symbolic} vector (docs/maps.md, "Observations")
 */
public record EnvConfig(String id, Path map, int maxEpisodeSteps, GridObservation observation) {

    /** The default environment: four-rooms, one-hot planes, 200 steps. */
    public static EnvConfig defaults() {
        return new EnvConfig("grid/four-rooms-v1", null, 200);
    }

    /** Whether the id names a board game ({@code game/...}) rather than a grid world. */
    public boolean isGame() {
        return id != null && GameRegistry.ids().contains(id);
    }

    /** One-hot planes, the default observation. */
    public EnvConfig(String id, Path map, int maxEpisodeSteps) {
        this(id, map, maxEpisodeSteps, GridObservation.oneHot());
    }
}
