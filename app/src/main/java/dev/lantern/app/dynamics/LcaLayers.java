package dev.lantern.app.dynamics;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.analysis.lca.LcaLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link LcaSection}'s layers and neurons: per layer the cumulative allocation over the run (from
 * {@code neurons.jsonl}: the sum over windows and neurons), the neurons that hurt overall, the layers that hurt
 * overall, and a neuron x iteration heatmap per layer (red = hurt, green = helped).
 */
final class LcaLayers {

    private LcaLayers() {
    }

    static void write(DynamicsContext context, DynamicsRun run, LcaLog log, JsonObject o,
            LcaSection.PrintWriterLines p) {
        List<LcaLog.Window> windows = log.windows();
        if (windows.isEmpty()) {
            p.line("no per-neuron windows in lca/neurons.jsonl");
            return;
        }
        JsonObject layers = new JsonObject();
        List<String> hurting = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        long[] at = new long[windows.size()];
        for (int t = 0; t < at.length; t++) {
            at[t] = windows.get(t).envStep();
        }
        for (Map.Entry<String, double[]> first : windows.get(0).layers().entrySet()) {
            String name = first.getKey();
            int n = first.getValue().length;
            double[][] values = new double[windows.size()][];
            double[] cumulative = new double[n];
            for (int t = 0; t < windows.size(); t++) {
                values[t] = windows.get(t).layers().get(name);
                for (int j = 0; j < n; j++) {
                    cumulative[j] += values[t][j];
                }
            }
            double total = 0;
            int hurtNeurons = 0;
            JsonArray perNeuron = new JsonArray();
            for (double c : cumulative) {
                total += c;
                hurtNeurons += c > 0 ? 1 : 0;
                perNeuron.add(c);
            }
            JsonObject l = new JsonObject();
            l.addProperty("cumulative", total);
            l.addProperty("neurons", n);
            l.addProperty("neuronsHurtOverall", hurtNeurons);
            l.add("cumulativePerNeuron", perNeuron);
            layers.add(name, l);
            if (total > 0) {
                hurting.add(name);
            }
            lines.add(String.format(java.util.Locale.ROOT, "%s %.4g (%d of %d neurons hurt overall)", name, total,
                    hurtNeurons, n));
            context.figures().chart("lca-neurons-" + run.label() + "-" + name.replace('.', '-'),
                    LcaCharts.heatmap("LCA per neuron and iteration, " + name + ", " + run.label(), at, values), 960,
                    n > 8 ? 560 : 320);
        }
        o.add("layers", layers);
        JsonArray h = new JsonArray();
        hurting.forEach(h::add);
        o.add("layersHurtOverall", h);
        p.line("cumulative per layer: %s; layers that hurt overall: %s", String.join(", ", lines),
                hurting.isEmpty() ? "none" : String.join(", ", hurting));
    }
}
