package dev.lantern.app.sweep;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.agents.run.AtomicFiles;
import dev.lantern.agents.run.RunLock;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.engine.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sweep directory's layout and its {@code sweep.json} (docs/sweeps.md): {@code sweep.json}, and per setting a
 * folder with the setting's resolved {@code config.json}, a run directory {@code seed-<n>/} and a log
 * {@code seed-<n>.log} per seed. {@code sweep.json} is written atomically, whole, every time a run's status changes.
 */
public final class SweepDirectory {

    /** The file that describes the sweep. */
    public static final String FILE = "sweep.json";
    /** {@code sweep.json}'s {@code format}. */
    public static final String FORMAT = "lantern-sweep/1";

    private SweepDirectory() {
    }

    /** Every run of the grid, setting by setting, seed by seed, all {@code pending}. */
    public static List<SweepRunEntry> runs(SweepGrid grid) {
        List<SweepRunEntry> runs = new ArrayList<>();
        for (Setting s : grid.settings()) {
            for (long seed : grid.seeds()) {
                runs.add(new SweepRunEntry(s.label(), seed, s.dir() + "/seed-" + seed, SweepRunEntry.PENDING,
                        s.dir() + "/seed-" + seed + ".log", null));
            }
        }
        return runs;
    }

    /**
     * Refuses {@code dir} as the directory of {@code grid} when it cannot be: a file, a non-empty folder that is not a
     * sweep, or the directory of another grid (every difference listed: base, seeds, settings, a setting's resolved
     * config). Writes nothing.
     *
     * @return true when {@code dir} already holds this grid's sweep (to be resumed), false when it is new or empty
     * @throws ConfigException naming {@code dir} and what differs
     */
    public static boolean check(Path dir, SweepGrid grid) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ConfigException(List.of("--out: " + dir + " exists and is not a directory"));
        }
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            if (Files.isDirectory(dir) && !isEmpty(dir) && !onlyLock(dir)) {
                throw new ConfigException(List.of("--out: " + dir + " is not empty and holds no " + FILE
                        + " (a sweep writes only into a new or empty directory, or resumes its own)"));
            }
            return false;
        }
        JsonObject old;
        try {
            old = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(List.of(file + ": cannot be read as a sweep (" + e.getMessage() + ")"));
        }
        JsonObject now = describe(grid, List.of());
        List<String> diffs = new ArrayList<>();
        for (String key : List.of("base", "seeds", "settings")) {
            JsonElement a = old.get(key);
            JsonElement b = now.get(key);
            if (!b.equals(a)) {
                diffs.add(file + ": " + key + " " + (a == null ? "absent" : a) + " in the sweep, " + b + " now");
            }
        }
        if (diffs.isEmpty()) {
            for (Setting s : grid.settings()) {
                Path config = dir.resolve(s.dir()).resolve("config.json");
                List<String> fields = new ArrayList<>();
                if (!Files.exists(config)) { // killed before it was written: the sweep writes it
                    continue;
                }
                try {
                    leafDiffs("", JsonParser.parseString(Files.readString(config)), s.config(), fields);
                } catch (IOException | RuntimeException e) {
                    fields.add("cannot be read (" + e.getMessage() + ")");
                }
                fields.forEach(f -> diffs.add(config + ": " + f));
            }
        }
        if (!diffs.isEmpty()) {
            diffs.add(0, "--out: " + dir + " holds another sweep; rerun it with the same base, --seeds and --set (and an"
                    + " unchanged base file), or give a new --out; nothing was changed");
            throw new ConfigException(diffs);
        }
        return true;
    }

    /** Writes each setting's resolved {@code config.json} (atomically). */
    public static void writeConfigs(Path dir, SweepGrid grid) {
        for (Setting s : grid.settings()) {
            AtomicFiles.writeString(dir.resolve(s.dir()).resolve("config.json"), pretty(s.config()) + "\n");
        }
    }

    /** Replaces {@code sweep.json} with the grid and {@code runs} (atomically). */
    public static void write(Path dir, SweepGrid grid, List<SweepRunEntry> runs) {
        AtomicFiles.writeString(dir.resolve(FILE), pretty(describe(grid, runs)) + "\n");
    }

    /** {@code sweep.json}'s content. */
    static JsonObject describe(SweepGrid grid, List<SweepRunEntry> runs) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("base", grid.base().normalize().toString());
        JsonArray seeds = new JsonArray();
        grid.seeds().forEach(seeds::add);
        root.add("seeds", seeds);
        JsonArray settings = new JsonArray();
        for (Setting s : grid.settings()) {
            JsonObject o = new JsonObject();
            o.addProperty("label", s.label());
            JsonObject set = new JsonObject();
            s.set().forEach(set::addProperty);
            o.add("set", set);
            o.addProperty("config", s.dir() + "/config.json");
            settings.add(o);
        }
        root.add("settings", settings);
        JsonArray list = new JsonArray();
        for (SweepRunEntry r : runs) {
            JsonObject o = new JsonObject();
            o.addProperty("setting", r.setting());
            o.addProperty("seed", r.seed());
            o.addProperty("dir", r.dir());
            o.addProperty("status", r.status());
            o.addProperty("log", r.log());
            if (r.exitCode() != null) {
                o.addProperty("exitCode", r.exitCode());
            }
            list.add(o);
        }
        root.add("runs", list);
        return root;
    }

    /** The status a run's directory shows: completed when its manifest says so, pending otherwise. */
    public static String statusOnDisk(Path runDir) {
        return RunStatus.completed(runDir) ? SweepRunEntry.COMPLETED : SweepRunEntry.PENDING;
    }

    /** Whether {@code dir} is missing or empty. */
    public static boolean isEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the run in {@code dir} is to be started with {@code lantern run}, not resumed: the folder is missing or
     * empty, or holds no {@code config.json} yet (a sweep killed while that run was starting: the run had made its
     * folder and lock but not written its config; {@code lantern run} clears and reuses such leftovers, while
     * {@code lantern resume} has no config to continue).
     */
    public static boolean toStart(Path dir) {
        return isEmpty(dir) || !Files.isRegularFile(dir.resolve("config.json"));
    }

    /** Whether {@code dir} holds nothing but a sweep's lock (a sweep killed before it wrote sweep.json). */
    private static boolean onlyLock(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> p.getFileName().toString().equals(RunLock.FILE));
        } catch (IOException e) {
            return false;
        }
    }

    private static void leafDiffs(String path, JsonElement a, JsonElement b, List<String> out) {
        if (a != null && b != null && a.isJsonObject() && b.isJsonObject()) {
            java.util.Set<String> keys = new java.util.LinkedHashSet<>(a.getAsJsonObject().keySet());
            keys.addAll(b.getAsJsonObject().keySet());
            for (String k : keys) {
                leafDiffs(path.isEmpty() ? k : path + "." + k, a.getAsJsonObject().get(k), b.getAsJsonObject().get(k),
                        out);
            }
        } else if (a == null ? b != null : !a.equals(b)) {
            out.add(path + ": " + (a == null ? "absent" : a) + " in the sweep, " + (b == null ? "absent" : b) + " now");
        }
    }

    private static String pretty(JsonObject o) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o);
    }
}
