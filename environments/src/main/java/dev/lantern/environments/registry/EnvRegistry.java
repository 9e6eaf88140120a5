package dev.lantern.environments.registry;

import dev.lantern.environments.grid.GridMap;
import dev.lantern.environments.grid.GridMapParser;
import dev.lantern.environments.grid.GridWorld;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named, versioned environments. An id never changes meaning: a changed map or rule gets a new version suffix.
 *
 * <p>Registered ids (maps drawn in {@code docs/maps.md}):
 * <ul>
 *   <li>{@code grid/empty-8x8-v1}: an empty 6x6 room inside a wall border, start top-left, goal bottom-right;</li>
 *   <li>{@code grid/four-rooms-v1}: the classic four rooms (13x13), start top-left, goal bottom-right;</li>
 *   <li>{@code grid/key-door-v1}: two rooms (7x11), the goal room behind a door, the key in the start room.</li>
 * </ul>
 * Every registered world uses the default time limit of {@value GridWorld#DEFAULT_MAX_EPISODE_STEPS} steps unless
 * one is given.
 */
public final class EnvRegistry {

    private static final String MAP_RESOURCE_DIR = "/dev/lantern/environments/grid/maps/";

    private record Entry(String resource, String description) {
    }

    private static final Map<String, Entry> ENTRIES = new TreeMap<>(Map.of(
            "grid/empty-8x8-v1", new Entry("empty-8x8-v1.txt",
                    "empty 6x6 room inside a wall border; S top-left, G bottom-right; shortest path 10 steps"),
            "grid/four-rooms-v1", new Entry("four-rooms-v1.txt",
                    "13x13 four rooms joined by one-cell gaps; S top-left, G bottom-right; shortest path 20 steps"),
            "grid/key-door-v1", new Entry("key-door-v1.txt",
                    "7x11 two rooms; G behind a door D, the key k in the start room; shortest path 13 steps")));

    private static final Map<String, GridMap> MAPS = new ConcurrentHashMap<>();

    private EnvRegistry() {
    }

    /** Every registered id, sorted. */
    public static List<String> ids() {
        return List.copyOf(ENTRIES.keySet());
    }

    /**
     * A new world for {@code id} with the default time limit of {@value GridWorld#DEFAULT_MAX_EPISODE_STEPS} steps.
     *
     * @throws IllegalArgumentException if the id is not registered (the message lists the known ids)
     */
    public static GridWorld make(String id) {
        return make(id, GridWorld.DEFAULT_MAX_EPISODE_STEPS);
    }

    /**
     * A new world for {@code id} with the given time limit.
     *
     * @param maxEpisodeSteps the time limit, {@code > 0}
     * @throws IllegalArgumentException if the id is not registered or the time limit is not positive
     */
    public static GridWorld make(String id, int maxEpisodeSteps) {
        return new GridWorld(id, map(id), maxEpisodeSteps);
    }

    /**
     * One line describing {@code id}: {@code <id>: <what it is>, time limit <n> steps}.
     *
     * @throws IllegalArgumentException if the id is not registered
     */
    public static String describe(String id) {
        return id + ": " + entry(id).description() + "; time limit " + GridWorld.DEFAULT_MAX_EPISODE_STEPS + " steps";
    }

    /**
     * The map of a registered id (parsed once, then cached; maps are immutable).
     *
     * @throws IllegalArgumentException if the id is not registered
     */
    public static GridMap map(String id) {
        Entry e = entry(id);
        return MAPS.computeIfAbsent(id, k -> loadResource(e.resource()));
    }

    /**
     * A world on a user's map file, with id {@code map:<file name>}.
     *
     * @param file            a map in the format of {@code docs/maps.md}, UTF-8
     * @param maxEpisodeSteps the time limit, {@code > 0}
     * @throws dev.lantern.environments.api.MapFormatException listing every problem of the map (or that the file
     *                                                         cannot be read)
     */
    public static GridWorld fromMapFile(Path file, int maxEpisodeSteps) {
        GridMap map = GridMapParser.parse(file);
        Path name = file.getFileName();
        return new GridWorld("map:" + (name == null ? file.toString() : name.toString()), map, maxEpisodeSteps);
    }

    private static Entry entry(String id) {
        Objects.requireNonNull(id, "id");
        Entry e = ENTRIES.get(id);
        if (e == null) {
            throw new IllegalArgumentException("unknown environment id '" + id + "' (known: "
                    + String.join(", ", ENTRIES.keySet()) + ")");
        }
        return e;
    }

    private static GridMap loadResource(String resource) {
        String path = MAP_RESOURCE_DIR + resource;
        try (InputStream in = EnvRegistry.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("map resource " + path + " is missing from the classpath");
            }
            return GridMapParser.parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read map resource " + path, e);
        }
    }
}
