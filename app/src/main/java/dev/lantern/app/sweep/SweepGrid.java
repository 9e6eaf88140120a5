package dev.lantern.app.sweep;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.config.ExperimentLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sweep trains: the base experiment file, the seeds, and the settings (the cartesian product of every
 * {@code --set}'s values, the first {@code --set} varying slowest), each validated by {@link ExperimentLoader} before
 * anything runs or is written.
 *
 * @param base     the base experiment file as given
 * @param seeds    the run seeds, in order, each once
 * @param settings the settings, in grid order; one, labelled {@code base}, without any {@code --set}
 */
public record SweepGrid(Path base, List<Long> seeds, List<Setting> settings) {

    /** The most runs (settings times seeds) one sweep may hold. */
    public static final int MAX_RUNS = 10_000;

    public SweepGrid {
        seeds = List.copyOf(seeds);
        settings = List.copyOf(settings);
    }

    /**
     * Reads the base experiment, the seeds and the {@code --set}s, and validates every setting.
     *
     * @param seedsText e.g. {@code 1..20}, {@code 1,4,7} or {@code 3}
     * @param sets      the {@code --set} arguments as given
     * @throws ConfigException listing every problem: the base file's (named by the file), the seeds'
     *                         ({@code --seeds ...}) and each setting's, named by its {@code --set}s, with the loader's
     *                         message
     */
    public static SweepGrid resolve(Path base, String seedsText, List<String> sets) {
        List<String> problems = new ArrayList<>();
        List<Long> seeds = parseSeeds(seedsText, problems);
        List<SetOption> options = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (String s : sets) {
            SetOption o = SetOption.parse(s, problems);
            if (o != null && !paths.add(o.path())) {
                problems.add("--set " + s + ": " + o.path() + " is set by another --set too (give its values in one)");
            } else if (o != null) {
                options.add(o);
            }
        }
        JsonObject raw = null;
        try {
            ExperimentLoader.load(base);
            raw = JsonParser.parseString(Files.readString(base)).getAsJsonObject();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        } catch (IOException | RuntimeException e) { // the loader has just read it
            problems.add(base + ": cannot be read (" + e.getMessage() + ")");
        }
        long runs = seeds.size();
        for (SetOption o : options) {
            runs *= o.values().size();
        }
        if (runs > MAX_RUNS) {
            problems.add("the grid has " + runs + " runs (settings x seeds); at most " + MAX_RUNS);
        }
        if (raw == null || !problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Path baseDir = base.toAbsolutePath().getParent();
        for (SetOption o : options) { // each value alone first, so a bad one is named once, by its own --set
            for (String v : o.values()) {
                JsonObject json = raw.deepCopy();
                apply(json, o.path(), v, "--set " + o.path() + "=" + v, problems);
                load(json, "--set " + o.path() + "=" + v, baseDir, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        List<Setting> settings = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        Set<String> dirs = new HashSet<>();
        for (List<String> combination : product(options)) {
            JsonObject json = raw.deepCopy();
            StringBuilder source = new StringBuilder();
            for (int i = 0; i < options.size(); i++) {
                String where = "--set " + options.get(i).path() + "=" + combination.get(i);
                source.append(source.length() == 0 ? "" : " ").append(where);
                apply(json, options.get(i).path(), combination.get(i), where, problems);
            }
            Experiment e = load(json, options.isEmpty() ? base.toString() : source.toString(), baseDir, problems);
            if (e == null) {
                continue;
            }
            JsonObject config = ExperimentLoader.toJson(e);
            Map<String, String> set = new LinkedHashMap<>();
            for (int i = 0; i < options.size(); i++) {
                set.put(options.get(i).path(), shown(config, options.get(i).path(), combination.get(i)));
            }
            String label = set.isEmpty() ? "base" : String.join(", ", set.entrySet().stream()
                    .map(en -> en.getKey() + "=" + en.getValue()).toList());
            if (!labels.add(label)) {
                problems.add(source + ": the same setting as another (" + label + "); give each value once");
                continue;
            }
            String dir = label.replace(", ", ",").replaceAll("[^A-Za-z0-9._=,+-]", "_");
            dir = dir.length() > 100 ? dir.substring(0, 100) : dir;
            if (!dirs.add(dir)) {
                dir = dir + "-" + (settings.size() + 1);
                dirs.add(dir);
            }
            settings.add(new Setting(label, set, dir, e, config));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new SweepGrid(base, seeds, settings);
    }

    /**
     * Parses {@code --seeds}: whole numbers and ascending ranges {@code A..B} (both ends included), separated by commas.
     *
     * @param problems receives what is wrong, naming {@code --seeds <text>}
     * @return the seeds in the order given (empty when there is a problem)
     */
    public static List<Long> parseSeeds(String text, List<String> problems) {
        List<Long> seeds = new ArrayList<>();
        String where = "--seeds " + text;
        for (String item : text.split(",", -1)) {
            String t = item.trim();
            try {
                int dots = t.indexOf("..");
                if (dots < 0) {
                    seeds.add(Long.parseLong(t));
                    continue;
                }
                long from = Long.parseLong(t.substring(0, dots).trim());
                long to = Long.parseLong(t.substring(dots + 2).trim());
                if (to < from) {
                    problems.add(where + ": the range " + t + " goes down (write " + to + ".." + from + ")");
                    return List.of();
                }
                if (to - from >= MAX_RUNS) {
                    problems.add(where + ": the range " + t + " holds more than " + MAX_RUNS + " seeds");
                    return List.of();
                }
                for (long s = from; s <= to; s++) {
                    seeds.add(s);
                }
            } catch (NumberFormatException e) {
                problems.add(where + ": '" + t + "' is not a whole number or a range A..B (e.g. 1..20, 1,4,7 or 3)");
                return List.of();
            }
        }
        if (new HashSet<>(seeds).size() < seeds.size()) {
            problems.add(where + ": a seed is given more than once");
            return List.of();
        }
        return seeds;
    }

    /** Sets {@code path} (dot-separated) in {@code root} to the JSON of {@code value}, creating objects on the way. */
    private static void apply(JsonObject root, String path, String value, String where, List<String> problems) {
        String[] keys = path.split("\\.");
        JsonObject at = root;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonElement next = at.get(keys[i]);
            if (next == null || next.isJsonNull()) {
                JsonObject created = new JsonObject();
                at.add(keys[i], created);
                at = created;
            } else if (next.isJsonObject()) {
                at = next.getAsJsonObject();
            } else {
                problems.add(where + ": " + String.join(".", java.util.Arrays.copyOf(keys, i + 1))
                        + " is not an object in the base experiment (it is " + next + ")");
                return;
            }
        }
        at.add(keys[keys.length - 1], SetOption.json(value));
    }

    private static Experiment load(JsonObject json, String source, Path baseDir, List<String> problems) {
        try {
            return ExperimentLoader.parse(source, json.toString(), baseDir);
        } catch (ConfigException e) {
            e.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
            return null;
        }
    }

    /** The value at {@code path} of the resolved config, as text (strings unquoted); {@code given} if it has none. */
    private static String shown(JsonObject config, String path, String given) {
        JsonElement at = config;
        for (String k : path.split("\\.")) {
            if (at == null || !at.isJsonObject()) {
                return given;
            }
            at = at.getAsJsonObject().get(k);
        }
        if (at == null || at.isJsonNull()) {
            return given;
        }
        return at.isJsonPrimitive() && at.getAsJsonPrimitive().isString() ? at.getAsString() : at.toString();
    }

    /** Every combination of one value per option, the first option varying slowest; one empty one without options. */
    private static List<List<String>> product(List<SetOption> options) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        for (SetOption o : options) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String v : o.values()) {
                    List<String> c = new ArrayList<>(prefix);
                    c.add(v);
                    next.add(c);
                }
            }
            out = next;
        }
        return out;
    }
}
