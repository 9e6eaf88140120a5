package dev.lantern.analysis.lca;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code lca/} files read back ({@link LcaRecorder} writes them): every step of {@code steps.jsonl}, every
 * window of {@code neurons.jsonl} and {@code summary.json} when the run wrote it. Lines from before the per-term split
 * and the counts (older runs) read with those parts absent; an incomplete last line (a killed run) is skipped.
 *
 * @param steps   one per update, in order
 * @param windows one per probe window, in order
 * @param summary {@code summary.json}, or null when the run has not finished
 */
public record LcaLog(List<Step> steps, List<Window> windows, JsonObject summary) {

    /**
     * One line of {@code steps.jsonl}.
     *
     * @param envStep   environment steps when the update was made
     * @param window    the probe window
     * @param actual    the real change of the probe loss
     * @param allocated Σ allocations
     * @param helped    parameters with negative allocation, or -1 when the line has no counts (an older run)
     * @param hurt      parameters with positive allocation, or -1
     * @param zero      parameters with zero allocation, or -1
     * @param terms     per loss term {@code [actual, allocated]}, in the loss's order (empty without the split)
     */
    public record Step(long envStep, long window, double actual, double allocated, int helped, int hurt, int zero,
            Map<String, double[]> terms) {

        /** True if the line has the helped / hurt / zero counts. */
        public boolean hasCounts() {
            return helped >= 0;
        }
    }

    /**
     * One line of {@code neurons.jsonl}.
     *
     * @param window  the probe window
     * @param envStep environment steps when the window opened
     * @param layers  per layer (the layout's order), the allocation of each neuron over the window
     */
    public record Window(long window, long envStep, Map<String, double[]> layers) {
    }

    /** Reads {@code lcaDir}; an {@link IllegalArgumentException} naming the file and line when one is malformed. */
    public static LcaLog read(Path lcaDir) {
        List<Step> steps = new ArrayList<>();
        for (JsonObject o : lines(lcaDir.resolve("steps.jsonl"))) {
            Map<String, double[]> terms = new LinkedHashMap<>();
            if (o.has("terms")) {
                for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("terms").entrySet()) {
                    JsonObject t = e.getValue().getAsJsonObject();
                    terms.put(e.getKey(), new double[] {t.get("actual").getAsDouble(), t.get("allocated").getAsDouble()});
                }
            }
            boolean counts = o.has("helped");
            steps.add(new Step(o.get("step").getAsLong(), o.get("window").getAsLong(), o.get("actual").getAsDouble(),
                    o.get("allocated").getAsDouble(), counts ? o.get("helped").getAsInt() : -1,
                    counts ? o.get("hurt").getAsInt() : -1, counts ? o.get("zero").getAsInt() : -1, terms));
        }
        List<Window> windows = new ArrayList<>();
        for (JsonObject o : lines(lcaDir.resolve("neurons.jsonl"))) {
            Map<String, double[]> layers = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("layers").entrySet()) {
                var array = e.getValue().getAsJsonArray();
                double[] v = new double[array.size()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = array.get(j).getAsDouble();
                }
                layers.put(e.getKey(), v);
            }
            windows.add(new Window(o.get("window").getAsLong(), o.get("step").getAsLong(), layers));
        }
        Path summary = lcaDir.resolve("summary.json");
        JsonObject s = null;
        if (Files.exists(summary)) {
            try {
                s = JsonParser.parseString(Files.readString(summary)).getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + summary + ": " + e.getMessage(), e);
            } catch (JsonParseException | IllegalStateException e) {
                throw new IllegalArgumentException(summary + ": not a JSON object: " + e.getMessage(), e);
            }
        }
        return new LcaLog(List.copyOf(steps), List.copyOf(windows), s);
    }

    private static List<JsonObject> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> text;
        try {
            text = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            try {
                out.add(JsonParser.parseString(text.get(i)).getAsJsonObject());
            } catch (JsonParseException | IllegalStateException | NullPointerException e) {
                if (i == text.size() - 1) {
                    break; // a run killed mid-line leaves one incomplete last line
                }
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not an LCA line: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
