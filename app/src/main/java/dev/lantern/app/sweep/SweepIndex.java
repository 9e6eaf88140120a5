package dev.lantern.app.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.app.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code SWEEP/sweep.json} read back: the base config, the seeds, the settings (each a label and the config values it
 * sets) and every run (its setting, seed, directory relative to the sweep and status). The runs are kept sorted by
 * setting (in the file's order of settings) and seed, whatever order the sweep runner wrote them in, so an aggregate
 * does not depend on which run finished first.
 *
 * @param base     the base config's path, as written
 * @param seeds    the seeds, as written
 * @param settings the settings, in file order
 * @param runs     the runs, by setting then seed
 */
public record SweepIndex(String base, List<Long> seeds, List<SettingEntry> settings, List<SweepRunEntry> runs) {

    /** The file's name inside a sweep directory. */
    public static final String FILE = "sweep.json";

    /** The statuses a run can have. */
    public static final Set<String> STATUSES = Set.of("completed", "failed", "pending", "running");

    /**
     * One configuration of the sweep.
     *
     * @param label its name ({@code agent.learningRate=0.001})
     * @param set   the config values it sets, path to value as text
     */
    public record SettingEntry(String label, Map<String, String> set) {
    }

    /**
     * Reads {@code sweepDir/sweep.json}.
     *
     * @throws ConfigException naming the file and every problem in it
     */
    public static SweepIndex read(Path sweepDir) {
        Path file = sweepDir.resolve(FILE);
        JsonObject root;
        try {
            root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot read (" + e.getMessage() + ")"));
        } catch (RuntimeException e) {
            throw new ConfigException(List.of(file + ": not a JSON object (" + e.getMessage() + ")"));
        }
        List<String> problems = new ArrayList<>();
        String base = text(root, "base", file + ": base", problems);
        List<Long> seeds = new ArrayList<>();
        for (JsonElement e : array(root, "seeds", file + ": seeds", problems)) {
            Long seed = integer(e, file + ": seeds", problems);
            if (seed != null) {
                seeds.add(seed);
            }
        }
        List<SettingEntry> settings = new ArrayList<>();
        JsonArray settingArray = array(root, "settings", file + ": settings", problems);
        for (int i = 0; i < settingArray.size(); i++) {
            String where = file + ": settings[" + i + "]";
            JsonObject o = object(settingArray.get(i), where, problems);
            if (o == null) {
                continue;
            }
            String label = text(o, "label", where + ".label", problems);
            Map<String, String> set = new LinkedHashMap<>();
            JsonObject setObject = o.has("set") ? object(o.get("set"), where + ".set", problems) : new JsonObject();
            if (setObject != null) {
                setObject.entrySet().forEach(e -> set.put(e.getKey(), e.getValue().isJsonPrimitive()
                        ? e.getValue().getAsString() : e.getValue().toString()));
            }
            if (label != null && settings.stream().anyMatch(s -> s.label().equals(label))) {
                problems.add(where + ".label: '" + label + "' appears twice");
            } else if (label != null) {
                settings.add(new SettingEntry(label, Map.copyOf(set)));
            }
        }
        List<SweepRunEntry> runs = new ArrayList<>();
        JsonArray runArray = array(root, "runs", file + ": runs", problems);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < runArray.size(); i++) {
            String where = file + ": runs[" + i + "]";
            JsonObject o = object(runArray.get(i), where, problems);
            if (o == null) {
                continue;
            }
            String setting = text(o, "setting", where + ".setting", problems);
            Long seed = o.has("seed") ? integer(o.get("seed"), where + ".seed", problems) : missing(where + ".seed",
                    problems);
            String dir = text(o, "dir", where + ".dir", problems);
            String status = text(o, "status", where + ".status", problems);
            if (setting != null && settings.stream().noneMatch(s -> s.label().equals(setting))) {
                problems.add(where + ".setting: '" + setting + "' is not one of the settings' labels");
            }
            if (status != null && !STATUSES.contains(status)) {
                problems.add(where + ".status: must be completed, failed, pending or running, got '" + status + "'");
            }
            if (setting != null && seed != null && !keys.add(setting + "\u0000" + seed)) {
                problems.add(where + ": setting '" + setting + "' with seed " + seed + " appears twice");
            }
            String log = o.has("log") && o.get("log").isJsonPrimitive() ? o.get("log").getAsString() : null;
            Integer exitCode = o.has("exitCode") && o.get("exitCode").isJsonPrimitive()
                    ? o.get("exitCode").getAsInt() : null;
            if (setting != null && seed != null && dir != null && status != null) {
                runs.add(new SweepRunEntry(setting, seed, dir, status, log, exitCode));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        List<String> order = settings.stream().map(SettingEntry::label).toList();
        runs.sort(Comparator.comparingInt((SweepRunEntry r) -> order.indexOf(r.setting())).thenComparingLong(SweepRunEntry::seed));
        return new SweepIndex(base, List.copyOf(seeds), List.copyOf(settings), List.copyOf(runs));
    }

    /** The runs of setting {@code label}, by seed. */
    public List<SweepRunEntry> runsOf(String label) {
        return runs.stream().filter(r -> r.setting().equals(label)).toList();
    }

    private static Long missing(String where, List<String> problems) {
        problems.add(where + ": missing");
        return null;
    }

    private static String text(JsonObject o, String key, String where, List<String> problems) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            problems.add(where + ": missing");
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            problems.add(where + ": must be a string, got " + e);
            return null;
        }
        return e.getAsString();
    }

    private static JsonArray array(JsonObject o, String key, String where, List<String> problems) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray()) {
            problems.add(where + ": must be an array, got " + (e == null ? "nothing" : e.toString()));
            return new JsonArray();
        }
        return e.getAsJsonArray();
    }

    private static JsonObject object(JsonElement e, String where, List<String> problems) {
        if (!e.isJsonObject()) {
            problems.add(where + ": must be an object, got " + e);
            return null;
        }
        return e.getAsJsonObject();
    }

    private static Long integer(JsonElement e, String where, List<String> problems) {
        try {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                return e.getAsBigDecimal().longValueExact();
            }
        } catch (ArithmeticException ex) {
            // not a whole number: reported below
        }
        problems.add(where + ": must be a whole number, got " + e);
        return null;
    }
}
