package dev.lantern.app.sweep;

import com.google.gson.JsonObject;
import dev.lantern.app.config.Experiment;
import java.util.Map;

/**
 * One point of a sweep's grid: the base experiment with one value of every {@code --set} applied.
 *
 * @param label      what the setting is called in sweep.json and summaries: {@code path=value} for each {@code --set},
 *                   joined by {@code ", "} ({@code agent.learningRate=0.001}), or {@code base} without any; the values
 *                   as the resolved experiment holds them (so {@code 1e-3} reads {@code 0.001})
 * @param set        each field path and its value, as in the label, in the order of the {@code --set}s
 * @param dir        the setting's folder in the sweep directory (the label without the spaces after its commas, other
 *                   characters unsafe in a file name replaced by '_', cut at 100 characters)
 * @param experiment the validated experiment (its seed is the base's; every run sets its own)
 * @param config     the experiment fully resolved: the setting's {@code config.json}
 */
public record Setting(String label, Map<String, String> set, String dir, Experiment experiment, JsonObject config) {

    public Setting {
        set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
    }
}
