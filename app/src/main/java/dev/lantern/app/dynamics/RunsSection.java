package dev.lantern.app.dynamics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * {@code runs}: what each run is (agent, seed, the fork it came from when it is a fork's child, its checkpoints) and
 * how its final greedy evaluation went ({@code eval/return} against the exact optimum, {@code eval/success_rate}),
 * one summary line a run.
 */
final class RunsSection implements DynamicsSection {

    private static final List<String> FINAL = List.of("eval/return", "eval/optimal_return", "eval/success_rate",
            "eval/performance");

    @Override
    public String member() {
        return "runInfo";
    }

    @Override
    public JsonElement write(DynamicsContext context) {
        JsonArray out = new JsonArray();
        for (DynamicsRun run : context.runs()) {
            JsonObject o = new JsonObject();
            o.addProperty("dir", run.dir().toString());
            o.addProperty("agent", run.experiment().agentType());
            o.addProperty("seed", run.experiment().seed());
            JsonObject manifest = run.manifest();
            if (manifest.has("fork")) {
                o.add("fork", manifest.get("fork"));
            }
            o.addProperty("status", manifest.has("status") ? manifest.get("status").getAsString() : "unknown");
            JsonArray steps = new JsonArray();
            run.checkpointSteps().forEach(steps::add);
            o.add("checkpoints", steps);
            JsonObject eval = new JsonObject();
            for (String name : FINAL) {
                OptionalDouble v = run.metrics().last(name);
                if (v.isPresent()) {
                    eval.addProperty(name, v.getAsDouble());
                }
            }
            o.add("finalEvaluation", eval);
            out.add(o);
            OptionalDouble ret = run.metrics().last("eval/return");
            OptionalDouble opt = run.metrics().last("eval/optimal_return");
            OptionalDouble success = run.metrics().last("eval/success_rate");
            context.out().printf(Locale.ROOT, "  %s: %s seed %d, %d checkpoints (newest %,d), greedy return %s%s%s%n",
                    run.label(), run.experiment().agentType(), run.experiment().seed(), run.checkpointSteps().size(),
                    run.newestStep(), ret.isPresent() ? String.format(Locale.ROOT, "%.4f", ret.getAsDouble()) : "n/a",
                    opt.isPresent() ? String.format(Locale.ROOT, " (optimal %.4f)", opt.getAsDouble()) : "",
                    success.isPresent() ? String.format(Locale.ROOT, ", success rate %.2f", success.getAsDouble())
                            : "");
        }
        return out;
    }
}
