package dev.lantern.app.analyze;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.Readout;
import dev.lantern.analysis.attribution.AttributedOutput;
import dev.lantern.analysis.attribution.Attribution;
import dev.lantern.analysis.attribution.Attributor;
import dev.lantern.analysis.attribution.Baselines;
import dev.lantern.analysis.circuits.NeuronAblation;
import dev.lantern.environments.grid.GridWorld;
import java.util.Locale;

/**
 * {@code integratedGradients}: integrated gradients of the value at the start state from the without-agent baseline
 * with its completeness error, and the figure {@code ig-start}: the attributions per cell on the map.
 */
public final class AttributionSection implements ReportSection {

    @Override
    public String member() {
        return "integratedGradients";
    }

    @Override
    public JsonElement write(AnalysisContext context) {
        JsonObject o = new JsonObject();
        if (!context.hasSite(NeuronAblation.VALUE)) {
            o.addProperty("undefined", "the network has no " + NeuronAblation.VALUE + " head");
            return o;
        }
        GridWorld world = context.world();
        float[] f = world.reset(0);
        double[] x = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            x[i] = f[i];
        }
        int channels = f.length / (world.map().height() * world.map().width());
        Attribution ig = new Attributor(context.network()).integratedGradients(x,
                Baselines.withoutAgent(x, channels), AttributedOutput.of(new Readout(NeuronAblation.VALUE, 0)),
                Attributor.DEFAULT_STEPS);
        o.addProperty("output", NeuronAblation.VALUE);
        o.addProperty("state", "start");
        o.addProperty("baseline", "without agent");
        o.addProperty("steps", ig.steps());
        o.addProperty("outputValue", ig.outputValue());
        o.addProperty("baselineValue", ig.baselineValue());
        o.addProperty("sum", ig.sum());
        o.addProperty("completenessError", ig.completenessError());
        double[] perCell = Attributor.perCell(ig.values(), channels);
        o.addProperty("height", world.map().height());
        o.addProperty("width", world.map().width());
        o.add("perCell", Json.doubles(perCell));
        context.out().printf(Locale.ROOT, "  integrated gradients of the value at the start: V %.4f - V(without "
                + "agent) %.4f = %.4f, attributions sum to %.4f (relative completeness error %.2g, %d steps)%n",
                ig.outputValue(), ig.baselineValue(), ig.outputValue() - ig.baselineValue(), ig.sum(),
                ig.completenessError(), ig.steps());
        context.figures().image("ig-start", GridHeatmap.render(world.map(), perCell, String.format(Locale.ROOT,
                "IG of the value at the start (completeness error %.2g)", ig.completenessError()),
                GridHeatmap.Scale.DIVERGING, 36));
        return o;
    }
}
