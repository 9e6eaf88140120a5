package dev.lantern.app.analyze;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.analysis.attribution.AttributedOutput;
import dev.lantern.analysis.attribution.Attribution;
import dev.lantern.analysis.attribution.AttributionSummary;
import dev.lantern.analysis.attribution.Attributor;
import dev.lantern.analysis.attribution.Baselines;
import dev.lantern.analysis.attribution.GridAttribution;
import dev.lantern.analysis.attribution.GridAttributor;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code attribution} (docs/attribution.md): integrated gradients of the value (a Q-network: the greedy action's
 * Q-value) at every decision state from each baseline, on the double-precision copy of the network, with the worst
 * and mean completeness error over the states and the float network's own rounding of the value beside them; the
 * start state's attribution (per cell, or per feature for a symbolic observation); occlusion of every cell at the
 * start by floor and by wall; and the figure {@code ig-start}: the start's attribution per cell on the map, its
 * completeness error in the title.
 */
public final class AttributionSection implements ReportSection {

    @Override
    public String member() {
        return "attribution";
    }

    @Override
    public JsonElement write(AnalysisContext context) {
        InspectableNetwork net = context.network();
        GridWorld world = context.world().copy(); // reset below: the shared world is left as it was
        AttributedOutput output = AttributedOutput.valueOf(net);
        Attributor exact = new Attributor(net.inDouble());
        GridAttributor grid = new GridAttributor(world, exact);
        StateBatch batch = context.states();
        boolean[] decision = batch.decisionStates();
        List<GridState> states = new ArrayList<>();
        for (int s = 0; s < batch.size(); s++) {
            if (decision[s]) {
                states.add(batch.state(s));
            }
        }
        world.reset(0);
        GridState start = world.state();
        boolean symbolic = world.observation().kind() == GridObservation.Kind.SYMBOLIC;
        JsonObject o = new JsonObject();
        o.addProperty("output", output.toString());
        o.addProperty("quadrature", exact.quadrature().name().toLowerCase(Locale.ROOT));
        o.addProperty("steps", Attributor.DEFAULT_STEPS);
        o.addProperty("observation", world.observation().kind().configName());
        o.addProperty("floatGap", floatGap(new Attributor(net), grid, states, output));
        JsonArray byBaseline = new JsonArray();
        boolean first = true;
        for (Baselines.Kind baseline : List.of(Baselines.Kind.WITHOUT_AGENT, Baselines.Kind.ZEROS)) {
            long t0 = System.nanoTime();
            List<GridAttribution> all = grid.integratedGradients(states, output, baseline, Attributor.DEFAULT_STEPS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            AttributionSummary summary = AttributionSummary.of(all.stream().map(GridAttribution::attribution).toList());
            GridAttribution at = grid.integratedGradients(start, output, baseline, Attributor.DEFAULT_STEPS);
            Attribution ig = at.attribution();
            JsonObject b = new JsonObject();
            b.addProperty("baseline", baseline.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            b.addProperty("states", summary.results());
            b.addProperty("definedStates", summary.defined());
            b.addProperty("maxCompletenessError", summary.maxError());
            b.addProperty("meanCompletenessError", summary.meanError());
            JsonObject s = new JsonObject();
            s.addProperty("output", ig.output().toString());
            s.addProperty("outputValue", ig.outputValue());
            s.addProperty("baselineValue", ig.baselineValue());
            s.addProperty("sum", ig.sum());
            s.addProperty("completenessError", ig.completenessError());
            if (symbolic) {
                s.add("features", Json.doubles(ig.values()));
                JsonArray names = new JsonArray();
                at.names().forEach(names::add);
                s.add("names", names);
            } else {
                s.addProperty("height", world.map().height());
                s.addProperty("width", world.map().width());
                s.add("perCell", Json.doubles(at.cells()));
                s.addProperty("offMap", at.offMap());
            }
            b.add("start", s);
            byBaseline.add(b);
            context.out().printf(Locale.ROOT, "  IG of %s from %s over %d decision states (%.2f s): completeness "
                    + "error worst %.2g, mean %.2g (%d undefined); at the start %.4f - %.4f = %.4f, attributions "
                    + "sum to %.4f (error %.2g)%n", output, b.get("baseline").getAsString(), summary.results(),
                    seconds, summary.maxError(), summary.meanError(), summary.undefined(), ig.outputValue(),
                    ig.baselineValue(), ig.outputValue() - ig.baselineValue(), ig.sum(), ig.completenessError());
            if (first && !symbolic) {
                context.figures().image("ig-start", GridHeatmap.render(world.map(), at.cells(), String.format(
                        Locale.ROOT, "IG of %s at the start, from %s (completeness error %.2g)", output,
                        b.get("baseline").getAsString(), ig.completenessError()), GridHeatmap.Scale.DIVERGING, 36));
            }
            first = false;
        }
        o.add("baselines", byBaseline);
        if (!symbolic) {
            JsonObject occlusion = new JsonObject();
            occlusion.add("floor", Json.doubles(grid.occlusion(start, output,
                    new double[world.spec().observationShape()[0]])));
            occlusion.add("wall", Json.doubles(grid.occlusion(start, output, grid.wall())));
            o.add("occlusionAtStart", occlusion);
        }
        context.out().printf(Locale.ROOT, "  (on the double-precision copy; the float network's %s differs from it "
                + "by at most %.2g over the decision states)%n", output, o.get("floatGap").getAsDouble());
        return o;
    }

    /** The largest |F(float network) - F(double copy)| over the states, at the observations themselves. */
    private static double floatGap(Attributor floatNet, GridAttributor grid, List<GridState> states,
            AttributedOutput output) {
        double gap = 0;
        for (GridState s : states) {
            double[] x = grid.observation(s);
            gap = Math.max(gap, Math.abs(floatNet.gradient(x, output).outputValue()
                    - grid.attributor().gradient(x, output).outputValue()));
        }
        return gap;
    }
}
