package dev.lantern.app.config;

import java.nio.file.Path;

/**
 * Which environment an experiment trains on: a registered id or a map file of the user's (exactly one).
 *
 * @param id              a registered id such as {@code grid/four-rooms-v1} (see {@code lantern envs}), or null
 * @param map             a map file (format: docs/maps.md), resolved against the experiment file's folder, or null
 * @param maxEpisodeSteps the time limit in steps; default 200
 */
public record EnvConfig(String id, Path map, int maxEpisodeSteps) {
}
