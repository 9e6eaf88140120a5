package dev.lantern.app.analyze;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.Readout;
import dev.lantern.analysis.circuits.CircuitEdge;
import dev.lantern.analysis.circuits.CircuitGraph;
import dev.lantern.analysis.circuits.CircuitNode;
import dev.lantern.analysis.circuits.EdgeWeighting;
import dev.lantern.analysis.circuits.LayerShare;
import dev.lantern.analysis.circuits.NeuronAblation;
import dev.lantern.environments.grid.GridWorld;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code circuit}: the circuit graphs ({@link CircuitGraph}, edges {@link EdgeWeighting#DIRECT}, pruned at
 * {@link CircuitGraph#DEFAULT_SHARE}) of the start state's greedy action and, where there is one, of its value; the
 * global graphs of each decision state's greedy action and of the value; each with its kept share per layer. The
 * figure {@code circuit-start} draws the start state's greedy-action graph ({@link CircuitFigure}).
 */
public final class CircuitSection implements ReportSection {

    @Override
    public String member() {
        return "circuit";
    }

    @Override
    public JsonElement write(AnalysisContext context) {
        GridWorld world = context.world().copy();
        world.reset(0);
        int start = context.states().space().indexOf(world.state());
        String policy = context.hasSite(NeuronAblation.POLICY) ? NeuronAblation.POLICY : NeuronAblation.Q;
        int greedy = NeuronAblation.argmax(context.atlas().activations(policy).row(start));
        double share = CircuitGraph.DEFAULT_SHARE;
        JsonObject o = new JsonObject();
        o.addProperty("state", "start");
        o.addProperty("stateIndex", start);
        o.addProperty("greedyAction", greedy);
        o.addProperty("weighting", EdgeWeighting.DIRECT.name().toLowerCase(Locale.ROOT));
        o.addProperty("share", share);
        CircuitGraph action = CircuitGraph.decision(context.atlas(), start, new Readout(policy, greedy), share);
        o.add("startGreedy", graph(action, context, "start, greedy action " + label(greedy)));
        if (context.hasSite(NeuronAblation.VALUE)) {
            Readout value = new Readout(NeuronAblation.VALUE, 0);
            o.add("startValue", graph(CircuitGraph.decision(context.atlas(), start, value, share), context,
                    "start, value"));
            o.add("globalValue", graph(CircuitGraph.global(context.atlas(), value, share, EdgeWeighting.DIRECT),
                    context, "all decision states, value"));
        }
        o.add("globalGreedy", graph(CircuitGraph.globalGreedy(context.atlas(), policy, share, EdgeWeighting.DIRECT),
                context, "all decision states, greedy action"));
        context.figures().image("circuit-start", CircuitFigure.render(action, String.format(Locale.ROOT,
                "Circuit of the start state's greedy action (%s), edges a_i W_ij, %.0f%% kept per layer",
                label(greedy), 100 * share), CircuitSection::label));
        return o;
    }

    /** One graph as JSON ({@code nodes}, {@code edges} by node index, {@code layers}) and its summary lines. */
    private static JsonObject graph(CircuitGraph g, AnalysisContext context, String what) {
        JsonObject o = new JsonObject();
        o.addProperty("output", g.output());
        o.addProperty("states", g.states());
        Map<CircuitNode, Integer> ids = new HashMap<>();
        JsonArray nodes = new JsonArray();
        for (CircuitNode n : g.nodes()) {
            ids.put(n, ids.size());
            JsonObject j = new JsonObject();
            j.addProperty("layer", n.layer());
            j.addProperty("site", n.site());
            j.addProperty("index", n.index());
            j.addProperty("label", n.label());
            j.addProperty("activation", n.activation());
            j.addProperty("bias", n.bias());
            nodes.add(j);
        }
        JsonArray edges = new JsonArray();
        for (CircuitEdge e : g.edges()) {
            JsonObject j = new JsonObject();
            j.addProperty("from", ids.get(e.from()));
            j.addProperty("to", ids.get(e.to()));
            j.addProperty("contribution", e.contribution());
            j.addProperty("meanAbs", e.meanAbs());
            edges.add(j);
        }
        JsonArray layers = new JsonArray();
        context.out().printf(Locale.ROOT, "  circuit of %s (%s): %d nodes, %d edges%n", what, g.output(),
                g.nodes().size(), g.edges().size());
        for (LayerShare s : g.layers()) {
            JsonObject j = new JsonObject();
            j.addProperty("site", s.site());
            j.addProperty("candidateEdges", s.candidateEdges());
            j.addProperty("keptEdges", s.keptEdges());
            j.addProperty("total", s.total());
            j.addProperty("kept", s.kept());
            j.addProperty("keptShare", s.keptShare());
            layers.add(j);
        }
        g.summary().forEach(line -> context.out().println("    " + line));
        o.add("layers", layers);
        o.add("nodes", nodes);
        o.add("edges", edges);
        return o;
    }

    /** An action's name ({@code right}), or its number past the grid's four. */
    static String label(int action) {
        List<String> labels = GridWorld.ACTION_LABELS;
        return action < labels.size() ? labels.get(action) : "#" + action;
    }
}
