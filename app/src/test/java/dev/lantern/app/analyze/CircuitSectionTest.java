package dev.lantern.app.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.app.engine.CheckpointNetwork;
import dev.lantern.environments.grid.GridChannels;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMapParser;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The {@code circuit} and {@code neurons} sections on a hand-built network: on {@code S...G}, the agent's plane at the
 * start cell drives dense0[0] (3), which drives dense1[0] (2), which right's logit reads (4); every other weight and
 * bias is 0, so the value is 0 everywhere and every other neuron is dead.
 */
class CircuitSectionTest {

    private static AnalysisContext context(StringWriter text, Path run) throws Exception {
        GridWorld world = new GridWorld("path", GridMapParser.parse("path.txt", "S...G\n"), 20,
                GridObservation.oneHot());
        ActorCriticNet net = ActorCriticNet.create(world.spec().observationSize(), 4, new int[] {4, 4}, 1e-3, 0, 1,
                DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        net.graph().getLayer("torso.dense0").getParam("W").putScalar(GridChannels.AGENT * 5, 0, 3.0);
        net.graph().getLayer("torso.dense1").getParam("W").putScalar(0, 0, 2.0);
        net.graph().getLayer("policy.logits").getParam("W").putScalar(0, GridWorld.ACTION_RIGHT, 4.0);
        InspectableNetwork seam = net.inspect();
        CheckpointNetwork checkpoint = new CheckpointNetwork(run, run.resolve("checkpoints/step-000000000"), 0,
                dev.lantern.app.config.Experiment.defaults(dev.lantern.agents.actorcritic.PpoConfig.defaults()),
                world, seam, seam);
        return new AnalysisContext(checkpoint, new PrintWriter(text, true), new Figures(), AnalyzeOptions.defaults());
    }

    private static List<String> names(JsonObject graph) {
        List<String> names = new ArrayList<>();
        for (JsonElement e : graph.getAsJsonArray("nodes")) {
            JsonObject n = e.getAsJsonObject();
            names.add(n.get("site").getAsString() + " " + n.get("label").getAsString());
        }
        return names;
    }

    @Test
    void theStartStatesGraphIsTheDesignedPathAndIsDrawn(@TempDir Path run) throws Exception {
        StringWriter text = new StringWriter();
        AnalysisContext context = context(text, run);
        JsonObject c = new CircuitSection().write(context).getAsJsonObject();
        assertEquals(GridWorld.ACTION_RIGHT, c.get("greedyAction").getAsInt());
        JsonObject start = c.getAsJsonObject("startGreedy");
        assertEquals(List.of("obs (0,0)", "torso.dense0 #0", "torso.dense1 #0", "policy.logits #2"), names(start));
        JsonArray edges = start.getAsJsonArray("edges");
        assertEquals(3, edges.size());
        double a0 = Math.tanh(3);
        double[] expected = {3, 2 * a0, 4 * Math.tanh(2 * a0)};
        for (int i = 0; i < 3; i++) {
            JsonObject e = edges.get(i).getAsJsonObject();
            assertEquals(i, e.get("from").getAsInt());
            assertEquals(i + 1, e.get("to").getAsInt());
            assertEquals(expected[i], e.get("contribution").getAsDouble(), 1e-12);
        }
        for (JsonElement l : start.getAsJsonArray("layers")) {
            assertEquals(1.0, l.getAsJsonObject().get("keptShare").getAsDouble(), l.toString());
        }
        assertEquals(List.of("value.out #0"), names(c.getAsJsonObject("startValue")), "the value reads nothing");
        // elsewhere every logit is 0 and the greedy action is up (lowest index): it has no circuit
        JsonObject global = c.getAsJsonObject("globalGreedy");
        assertEquals(List.of("obs (0,0)", "torso.dense0 #0", "torso.dense1 #0", "policy.logits #0",
                "policy.logits #2"), names(global));
        assertEquals(4, global.get("states").getAsInt());
        assertEquals(3 / 4.0, global.getAsJsonArray("edges").get(0).getAsJsonObject().get("contribution")
                .getAsDouble(), 1e-12, "one state of four");
        assertTrue(text.toString().contains("torso.dense0: kept 1 of 1 edges, 100.0% of sum |c| 3"), text.toString());
        BufferedImage image = context.figures().get("circuit-start");
        assertTrue(image.getWidth() >= 600 && image.getHeight() >= 300, image.toString());
        // one node per column, all on one line: halfway between dense0 and dense1 lies their edge, positive, blue
        int x = (CircuitFigure.columnX(1) + CircuitFigure.columnX(2)) / 2;
        int edge = image.getRGB(x, CircuitFigure.TOP + CircuitFigure.ROW / 2) & 0xffffff;
        assertTrue((edge & 0xff) > 0x90 && (edge >> 16) < 0x60, Integer.toHexString(edge));
        int above = image.getRGB(x, CircuitFigure.TOP + CircuitFigure.ROW / 2 - 12) & 0xffffff;
        assertEquals(0xffffff, above, "nothing else is drawn there");
    }

    @Test
    void everyHiddenNeuronIsDescribedAndTheDeadOnesSaySo(@TempDir Path run) throws Exception {
        StringWriter text = new StringWriter();
        AnalysisContext context = context(text, run);
        JsonArray rows = new NeuronSection().write(context).getAsJsonArray();
        assertEquals(8, rows.size());
        int dead = 0;
        for (JsonElement e : rows) {
            JsonObject o = e.getAsJsonObject();
            dead += o.get("dead").getAsBoolean() ? 1 : 0;
            assertTrue(o.get("text").getAsString().startsWith(o.get("site").getAsString() + " #"
                    + o.get("neuron").getAsInt() + ": "), o.toString());
        }
        assertEquals(6, dead, "all but the designed two");
        JsonObject designed = rows.get(0).getAsJsonObject();
        assertEquals("(0,0)", designed.getAsJsonArray("topLabels").get(0).getAsString(), "on only at the start");
        // on at column 0 only: r = -0.77 with the column, +0.77 with the distance to the goal (4 - column), about that
        // with V*; the optimal action (right everywhere) is constant, row and has key mean nothing here
        assertTrue(Set.of("agent column", "distance to goal", "V*").contains(designed.get("concept").getAsString()),
                designed.toString());
        assertEquals(Math.sqrt(0.6), Math.abs(designed.get("r").getAsDouble()), 0.01, designed.toString());
        assertTrue(text.toString().contains("8 hidden, 6 dead"), text.toString());
    }
}
