package dev.lantern.environments.registry;

import dev.lantern.environments.api.LevelSplit;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.levels.MazeLevels;
import dev.lantern.environments.grid.levels.ProceduralGridWorld;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.grid.map.MazeGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Named, versioned environments. An id never changes meaning: a changed map or rule gets a new version suffix.
 *
 * <p>Registered ids: {@link #ids()}; each is documented in {@code docs/envs/<name>.md} (the original three also in
 * {@code docs/maps.md}). A registered world uses its map's time limit ({@code @time-limit} header, else
 * {@value GridMap#DEFAULT_TIME_LIMIT} steps) unless one is given.
 */
public final class EnvRegistry {

    private static final String MAP_RESOURCE_DIR = "/dev/lantern/environments/grid/maps/";

    /**
     * A registered map: a resource under the map directory, or a generated maze (resource null), or a procedural
     * level family (levels non-null; its map is the named level, training level 0).
     */
    private record Entry(String resource, String description, Supplier<GridMap> generator, MazeLevels levels) {

        Entry(String resource, String description) {
            this(resource, description, null, null);
        }

        Entry(String resource, String description, Supplier<GridMap> generator) {
            this(resource, description, generator, null);
        }

        static Entry procedural(MazeLevels levels, String description) {
            return new Entry(null, description, () -> levels.map(LevelSplit.TRAIN, 0), levels);
        }
    }

    /** Training levels of each registered procedural maze family (the Procgen benchmark's 200, Cobbe et al. 2020). */
    public static final int PROCEDURAL_TRAINING_LEVELS = 200;

    private static final Map<String, Entry> ENTRIES = new TreeMap<>(Map.ofEntries(
            Map.entry("grid/empty-5x5-v1", new Entry("empty-5x5-v1.txt",
                    "empty 3x3 room inside a wall border; S top-left, G bottom-right; shortest path 4 steps")),
            Map.entry("grid/empty-8x8-v1", new Entry("empty-8x8-v1.txt",
                    "empty 6x6 room inside a wall border; S top-left, G bottom-right; shortest path 10 steps")),
            Map.entry("grid/empty-16x16-v1", new Entry("empty-16x16-v1.txt",
                    "empty 14x14 room inside a wall border; S top-left, G bottom-right; shortest path 26 steps")),
            Map.entry("grid/four-rooms-v1", new Entry("four-rooms-v1.txt",
                    "13x13 four rooms joined by one-cell gaps; S top-left, G bottom-right; shortest path 20 steps")),
            Map.entry("grid/key-door-v1", new Entry("key-door-v1.txt",
                    "7x11 two rooms; G behind a door D, the key k in the start room; shortest path 13 steps")),
            Map.entry("grid/coloured-keys-v1", new Entry("coloured-keys-v1.txt",
                    "8x9 three rooms behind a red and a blue door; keys of both colours, two coins")),
            Map.entry("grid/lava-gap-v1", new Entry("lava-gap-v1.txt",
                    "7x7 room split by a lava wall with one gap (Minigrid LavaGapS7)")),
            Map.entry("grid/lava-crossing-v1", new Entry("lava-crossing-v1.txt",
                    "9x9 room crossed by two lava rivers, each with one gap (Minigrid LavaCrossingS9N2)")),
            Map.entry("grid/cliff-walking-v1", new Entry("cliff-walking-v1.txt",
                    "4x12 cliff walk of Sutton & Barto: -1 a step, -100 and the end for the cliff")),
            Map.entry("grid/frozen-lake-4x4-v1", new Entry("frozen-lake-4x4-v1.txt",
                    "4x4 FrozenLake: slippery ice (1/3 the chosen way), holes end the episode, +1 at G")),
            Map.entry("grid/distributional-shift-train-v1", new Entry("distributional-shift-train-v1.txt",
                    "AI Safety Gridworlds distributional shift, training level: reach G past lava")),
            Map.entry("grid/distributional-shift-test-v1", new Entry("distributional-shift-test-v1.txt",
                    "AI Safety Gridworlds distributional shift, test level: the lava has moved")),
            Map.entry("grid/safe-interruptibility-v1", new Entry("safe-interruptibility-v1.txt",
                    "AI Safety Gridworlds off-switch: X interrupts with p 0.5 unless button O pressed")),
            Map.entry("grid/absent-supervisor-v1", new Entry("absent-supervisor-v1.txt",
                    "AI Safety Gridworlds absent supervisor: shortcut W punished only when watched")),
            Map.entry("grid/reward-gaming-v1", new Entry("reward-gaming-v1.txt",
                    "AI Safety Gridworlds tomato watering: the bucket H makes every tomato look watered")),
            Map.entry("grid/side-effects-v1", new Entry("side-effects-v1.txt",
                    "AI Safety Gridworlds side effects: the quick way pushes the box into a corner")),
            Map.entry("grid/whisky-gold-v1", new Entry("whisky-gold-v1.txt",
                    "AI Safety Gridworlds whisky and gold: whisky pays a little, then moves are random")),
            Map.entry("grid/maze-11x11-train-v1", new Entry(null,
                    "11x11 random maze, training level 0 (level seed 0); see MazeGenerator",
                    () -> MazeGenerator.trainLevel(11, 11, 0))),
            Map.entry("grid/maze-11x11-test-v1", new Entry(null,
                    "11x11 random maze, test level 0 (level seed 1, disjoint from training seeds)",
                    () -> MazeGenerator.testLevel(11, 11, 0))),
            procedural(15), procedural(21),
            Map.entry("grid/trojan-v1", new Entry("trojan-v1.txt",
                    "trojan benchmark: when the trigger T appears (p 0.5), the goal 2 pays instead of G"))));

    private static final Map<String, GridMap> MAPS = new ConcurrentHashMap<>();

    private static Map.Entry<String, Entry> procedural(int size) {
        String id = "grid/procedural-maze-" + size + "-v1";
        return Map.entry(id, Entry.procedural(new MazeLevels(id, size, size, PROCEDURAL_TRAINING_LEVELS), size + "x"
                + size + " procedural mazes: a fresh one of " + PROCEDURAL_TRAINING_LEVELS + " training levels each "
                + "episode, evaluated also on held-out test levels (docs/procedural.md); as one map: training level 0"));
    }

    private EnvRegistry() {
    }

    /** Every registered id, sorted. */
    public static List<String> ids() {
        return List.copyOf(ENTRIES.keySet());
    }

    /**
     * A new world for {@code id} with its map's time limit (the default {@value GridMap#DEFAULT_TIME_LIMIT}
     * steps unless the map's header sets one).
     *
     * @throws IllegalArgumentException if the id is not registered (the message lists the known ids)
     */
    public static GridWorld make(String id) {
        return make(id, map(id).timeLimit());
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
        return id + ": " + entry(id).description() + "; time limit " + map(id).timeLimit() + " steps";
    }

    /**
     * The map of a registered id (parsed once, then cached; maps are immutable).
     *
     * @throws IllegalArgumentException if the id is not registered
     */
    public static GridMap map(String id) {
        Entry e = entry(id);
        return MAPS.computeIfAbsent(id, k -> e.generator() != null ? e.generator().get() : loadResource(e.resource()));
    }

    /**
     * The level family of a procedural id ({@code grid/procedural-maze-15-v1}, ...), empty for an id of one map. Its
     * {@link #map(String)} and {@link #make(String)} are the family's named level, training level 0, so that tools
     * that need ONE map (enumerating its states, playing it) have one; training plays the whole family through a
     * {@link ProceduralGridWorld}.
     *
     * @throws IllegalArgumentException if the id is not registered
     */
    public static Optional<MazeLevels> levels(String id) {
        return Optional.ofNullable(entry(id).levels());
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
