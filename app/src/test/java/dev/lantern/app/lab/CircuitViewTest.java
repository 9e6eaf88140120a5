package dev.lantern.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.lantern.app.lab.LabFx.distance;
import static dev.lantern.app.lab.LabFx.fx;
import static dev.lantern.app.lab.LabFx.waitFor;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.api.Recording;
import dev.lantern.agents.api.Site;
import dev.lantern.agents.nn.FrozenView;
import dev.lantern.analysis.circuits.AblationEffect;
import dev.lantern.analysis.circuits.AblationKind;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.NeuronAblation;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens the lab headless (Monocle) with its Circuits tab shown, on a PPO run of the empty room that waits paused
 * after its first frame, and checks what the circuit view DRAWS against the snapshot's own network, inspected on an
 * independent copy: one node per neuron of every layer and head, each filled with its activation in the hovered state,
 * the edges' contributions a·W, clicking a neuron opening its inspector, the ablate toggle redrawing the grid's arrows
 * with exactly the mean-ablated policy, the attribution overlay's completeness, the probe table, freezing, and the
 * per-neuron LCA (and what a run without LCA shows instead).
 */
class CircuitViewTest {

    static {
        LabFx.headless();
    }

    private static final int ROW = 2;
    private static final int COL = 3;

    private LabSession lab;
    private LabController controller;
    private LabWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void open() throws Exception {
        LabSettings settings = new LabSettings("grid/empty-8x8-v1", 5, 2048, true);
        lab = LabSession.open(settings, w -> {
            w.showCircuits();
            w.gridView().hoverLater(ROW, COL);
        });
        controller = lab.controller();
        window = lab.window();
    }

    @AfterEach
    void close() throws Exception {
        lab.close();
    }

    @Test
    void drawsTheCircuitOfTheHoveredStateAndAblatesANeuron() throws Exception {
        LiveFeed feed = controller.start(new LabSettings("grid/empty-8x8-v1", 5, 2048, true), true);
        CircuitPane pane = window.circuits();
        waitFor("a circuit frame with the hovered cell's attribution", 60_000,
                () -> fx(() -> pane.shown() != null && pane.shown().attribution() != null));
        CircuitFrame f = fx(pane::shown);
        InspectableNetwork net = ((FrozenView<?>) feed.latestSnapshot().view()).net().inspect(); // an independent copy
        int s = f.stateIndex(ROW, COL, 0);
        List<String> layers = net.sites().stream().map(Site::name)
                .filter(n -> !n.equals(InspectableNetwork.INPUT) && !n.endsWith(Site.PRE)).toList();
        Recording own = net.run(f.states().observation(s), 1, layers, List.of());

        // One node per neuron of every layer and head, each filled with its activation in the hovered state.
        List<CircuitView.DrawnNeuron> drawn = fx(() -> pane.view().drawnNeurons());
        assertEquals(layers.stream().mapToInt(n -> net.site(n).width()).sum(), drawn.size());
        for (String layer : layers) {
            assertEquals(net.site(layer).width(), drawn.stream().filter(d -> d.neuron().site().equals(layer)).count(),
                    layer);
        }
        WritableImage image = fx(() -> pane.view().snapshot(null, null));
        for (CircuitView.DrawnNeuron d : drawn) {
            double a = own.get(d.neuron().site()).get(0, d.neuron().index());
            assertEquals(a, d.value(), 1e-6, d.neuron() + ": drawn activation");
            assertEquals(CircuitView.fill(d.value(), f.scale(d.neuron().site())), d.fill(), d.neuron().toString());
            Color px = image.getPixelReader().getColor((int) Math.round(d.center().getX()),
                    (int) Math.round(d.center().getY()));
            assertTrue(distance(d.fill(), px) < 0.05, d.neuron() + ": fill " + d.fill() + ", pixel " + px);
        }
        // Edges carry a_i W_ij of the snapshot's weights, and the kept ones explain the share (or hit the cap).
        double[] theta = net.parameters();
        ParameterLayout layout = net.layout();
        List<CircuitView.DrawnEdge> edges = fx(() -> pane.view().drawnEdges());
        assertFalse(edges.isEmpty());
        for (CircuitView.DrawnEdge e : edges) {
            double w = theta[layout.block(e.to().site()).weightIndex(e.from().index(), e.to().index())];
            double a = own.get(e.from().site()).get(0, e.from().index());
            assertEquals(a * w, e.contribution(), 1e-6, e.from() + " -> " + e.to());
        }
        for (Contributions.Kept k : fx(() -> pane.view().keptEdges())) {
            assertTrue(k.keptShare() >= CircuitView.SHARE || k.edges().size() == CircuitView.MAX_EDGES, k.toString());
        }

        // The attribution overlay: integrated gradients with its completeness error printed.
        CellAttribution attribution = f.attribution();
        assertNotNull(attribution.perCell(), attribution.undefined());
        assertTrue(attribution.completenessError() <= 1e-3, "completeness " + attribution.completenessError());
        String label = fx(() -> ((Label) robot.lookup("#attribution").query()).getText());
        assertTrue(label.contains("completeness error"), label);
        // The probe panel: row and column (the empty room has no key) at every layer and head.
        assertEquals(2 * layers.size(), f.probes().rows().size());

        // Click the neuron whose mean ablation moves the policy most: its inspector opens.
        ActivationAtlas atlas = ActivationAtlas.record(net, f.states());
        NeuronAblation ablation = new NeuronAblation(atlas);
        AblationEffect top = ablation.table(AblationKind.MEAN).get(0);
        assertTrue(top.policyKl() > 0, top.toString());
        CircuitRequest.Neuron neuron = new CircuitRequest.Neuron(top.site(), top.neuron());
        Point2D center = fx(() -> pane.view().localToScreen(pane.view().drawn(neuron).center()));
        robot.clickOn(center);
        waitFor("the inspector", 10_000, () -> fx(() -> pane.inspector().isVisible()
                && neuron.equals(pane.inspector().neuron())));
        assertEquals(atlas.activations(neuron.site()).get(s, neuron.index()),
                fx(() -> pane.inspector().map().value(ROW, COL)));
        assertTrue(fx(() -> pane.inspector().description()).startsWith(neuron.site() + ", neuron " + neuron.index()));
        String noLca = fx(() -> { // what a run trained with --no-lca shows (its recorder is null)
            NeuronInspector probe = new NeuronInspector(on -> { }, () -> { });
            NeuronLca none = new NeuronLca();
            none.attach(null, null);
            probe.show(f, neuron, controller.feed().status().info().map(), 0, null, none.history());
            return probe.lca().message();
        });
        assertTrue(noLca.contains("--no-lca"), noLca);

        // Ablate: the grid's arrows are redrawn with exactly the mean-ablated policy of the snapshot.
        PolicyFrame clean = fx(() -> window.gridView().frame());
        double[] before = arrows();
        robot.clickOn("#ablate");
        waitFor("the ablated policy on the grid", 20_000, () -> fx(() -> pane.shown().ablated() != null
                && window.gridView().frame() == pane.shown().ablated().policy()));
        double[] logits = ablation.ablatedHeads(neuron.site(), neuron.index(), AblationKind.MEAN)
                .get(NeuronAblation.POLICY).row(s);
        double[] p = AblatedPolicy.softmax(logits);
        PolicyFrame shownAblated = fx(() -> window.gridView().frame());
        for (int a = 0; a < p.length; a++) {
            assertEquals(p[a], shownAblated.probability(ROW, COL, 0, a), 1e-12);
        }
        double[] after = arrows();
        assertNotEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(after));
        assertTrue(fx(() -> pane.view().drawnNeurons().size()) == drawn.size());
        robot.clickOn("#ablate");
        waitFor("the clean policy back", 20_000, () -> fx(() -> window.gridView().frame() == clean));

        // Freeze: training goes on, the circuit and the grid keep the frozen snapshot; thawed, they move on.
        robot.clickOn("#freeze");
        waitFor("a frozen frame", 10_000, () -> fx(() -> pane.shown().frozen()));
        long frozenAt = fx(() -> pane.shown().policy().sequence());
        controller.resume();
        waitFor("an iteration", 60_000, () -> feed.status().iterations() >= 1);
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(frozenAt, fx(() -> pane.shown().policy().sequence()));
        assertEquals(frozenAt, fx(() -> window.gridView().frame().sequence()));
        robot.clickOn("#freeze");
        waitFor("a newer snapshot", 30_000, () -> fx(() -> pane.shown().policy().sequence()) > frozenAt);
        waitFor("the neuron's LCA", 30_000, () -> fx(() -> pane.inspector().lca().points()) >= 1);
    }

    /** Every drawn arrow length of the grid's free cells. */
    private double[] arrows() throws Exception {
        return fx(() -> {
            GridView g = window.gridView();
            double[] out = new double[8 * 8 * 4];
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    for (int a = 0; a < 4; a++) {
                        out[(r * 8 + c) * 4 + a] = g.arrowLength(r, c, a);
                    }
                }
            }
            return out;
        });
    }
}
