package dev.lantern.app.lab;

import static dev.lantern.app.lab.LabFx.distance;
import static dev.lantern.app.lab.LabFx.fx;
import static dev.lantern.app.lab.LabFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Recording;
import dev.lantern.analysis.circuits.NeuronAblation;
import dev.lantern.app.cli.LanternCli;
import dev.lantern.app.dynamics.DynamicsRun;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.event.Event;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.paint.Color;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Compare tab headless (Monocle) on three tiny runs made by hand: a parent and two children whose manifests carry a
 * {@code fork} object at step 128, and a parent's {@code dynamics.json} with their barrier. Checks what is drawn: one
 * chart series per run plus the IQM (at every bin, the mean of the runs with a point there: n <= 3 trims nothing),
 * the lineage tree's rows, branch points and barrier (and the pixels of the branch), and the scrubber at a checkpoint:
 * the grid's greedy actions and values are those of that checkpoint's network, evaluated here independently.
 */
class CompareModeTest {

    static {
        LabFx.headless();
    }

    private static final String ENV = "grid/empty-8x8-v1";
    private static final long FORK = 128;
    @TempDir
    static Path tmp;
    private static Path parent;
    private static Path childA;
    private static Path childB;
    private LabSession lab;

    /** A tiny PPO run checkpointed every 128 steps. */
    static Path tinyRun(Path dir, String name, long seed, long steps) throws Exception {
        Path config = dir.resolve(name + ".json");
        Files.writeString(config, """
                {"name": "%s", "seed": %d, "env": {"id": "%s"},
                 "agent": {"numEnvs": 4, "rolloutSteps": 32, "minibatchSize": 64, "hiddenSizes": [8, 8]},
                 "training": {"totalEnvSteps": %d, "evalEpisodes": 1, "checkpointEveryEnvSteps": 128},
                 "lca": {"enabled": false}}
                """.formatted(name, seed, ENV, steps));
        Path run = dir.resolve(name);
        StringWriter err = new StringWriter();
        int code = LanternCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "run",
                "--config", config.toString(), "--out", run.toString());
        assertEquals(0, code, err.toString());
        return run;
    }

    /** Gives {@code child}'s manifest the fork object of a child of {@code parent} at {@link #FORK}. */
    static void markFork(Path child, Path parent, int index) throws Exception {
        Path m = child.resolve("manifest.json");
        JsonObject o = JsonParser.parseString(Files.readString(m)).getAsJsonObject();
        JsonObject f = new JsonObject();
        f.addProperty("parent", parent.toAbsolutePath().normalize().toString());
        f.addProperty("atStep", FORK);
        f.addProperty("child", index);
        f.addProperty("children", 2);
        o.add("fork", f);
        Files.writeString(m, o.toString());
    }

    @BeforeAll
    static void runs() throws Exception {
        parent = tinyRun(tmp, "parent", 1, 256);
        childA = tinyRun(tmp, "childA", 2, 384);
        childB = tinyRun(tmp, "childB", 3, 384);
        markFork(childA, parent, 0);
        markFork(childB, parent, 1);
        Path dyn = parent.resolve("analysis/dynamics");
        Files.createDirectories(dyn);
        Files.writeString(dyn.resolve("dynamics.json"), """
                {"modeConnectivity": {"pairs": [{"a": "%s", "b": "%s", "forkStep": 128, "step": 384,
                  "barriers": {"loss": 0.5, "returnError": 0.125}}]}}
                """.formatted(childA.toAbsolutePath(), childB.toAbsolutePath()));
    }

    @AfterEach
    void close() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    private ComparePane openAll() throws Exception {
        lab = LabSession.open(new LabSettings(ENV, "ppo", 1, 20_000, false), w -> {
            w.openRuns(List.of(parent, childA, childB));
            w.showCompare();
        });
        ComparePane c = lab.window().compare();
        waitFor("three runs read", 60_000, () -> fx(() -> c.pending() == 0 && c.runs().size() == 3));
        return c;
    }

    @Test
    void theChartHasOneSeriesPerRunAndTheirIqmAndTheTreeBranchesAtTheForkStep() throws Exception {
        ComparePane c = openAll();
        XYDataset runs = fx(() -> c.chart().getXYPlot().getDataset(0));
        XYDataset iqm = fx(() -> c.chart().getXYPlot().getDataset(1));
        assertEquals(3, runs.getSeriesCount());
        assertEquals(List.of("parent (seed 1)", "childA @128 (seed 2)", "childB @128 (seed 3)"),
                List.of(runs.getSeriesKey(0), runs.getSeriesKey(1), runs.getSeriesKey(2)));
        assertEquals(1, iqm.getSeriesCount());
        assertTrue(iqm.getSeriesKey(0).toString().startsWith("IQM of 3 runs"), iqm.getSeriesKey(0).toString());
        int checked = 0;
        for (int i = 0; i < iqm.getItemCount(0); i++) {
            double x = iqm.getXValue(0, i);
            double sum = 0;
            int n = 0;
            for (int s = 0; s < 3; s++) {
                for (int j = 0; j < runs.getItemCount(s); j++) {
                    if (runs.getXValue(s, j) == x) {
                        sum += runs.getYValue(s, j);
                        n++;
                    }
                }
            }
            assertTrue(n >= 1, "the IQM at step " + x + " is over the runs with a point there");
            assertEquals(sum / n, iqm.getYValue(0, i), 1e-12, "IQM of " + n + " runs (n <= 3 trims nothing) at " + x);
            checked++;
        }
        java.util.Set<Double> xs = new java.util.HashSet<>();
        for (int s = 0; s < 3; s++) {
            assertTrue(runs.getItemCount(s) >= 1, "run " + s + " has a curve");
            for (int j = 0; j < runs.getItemCount(s); j++) {
                xs.add(runs.getXValue(s, j));
            }
        }
        assertEquals(xs.size(), checked, "one IQM point per bin where some run has a point");

        Lineage l = fx(() -> c.lineageView().lineage());
        assertEquals(3, l.nodes().size());
        Lineage.Node p = l.nodes().get(0);
        assertEquals("parent", p.run().label());
        assertEquals(-1, p.parentRow());
        assertEquals(0, p.start());
        assertEquals(256, p.end());
        for (int row = 1; row <= 2; row++) {
            Lineage.Node child = l.nodes().get(row);
            assertEquals(row == 1 ? "childA @128" : "childB @128", child.run().label());
            assertEquals(0, child.parentRow());
            assertEquals(FORK, child.start(), "a child's line starts at its fork step");
            assertEquals(384, child.end());
        }
        assertEquals(List.of(new Lineage.Barrier(1, 2, 384, 0.125)), l.barriers());

        LineageView view = c.lineageView();
        WritableImage img = fx(() -> view.canvas.snapshot(null, null));
        double xFork = fx(() -> view.xOf(FORK));
        double yMid = fx(() -> (view.yOf(0) + view.yOf(1)) / 2);
        Color branch = img.getPixelReader().getColor((int) Math.round(xFork), (int) Math.round(yMid));
        assertTrue(distance(LineageView.LINE, branch) < 0.3 || distance(LineageView.SELECTED, branch) < 0.3,
                "the branch down from the parent's line at the fork step: " + branch);
        int xBefore = (int) Math.round(fx(() -> view.xOf(FORK / 2)));
        int yChild = (int) Math.round(fx(() -> view.yOf(2)));
        assertEquals(Color.WHITE, img.getPixelReader().getColor(xBefore, yChild),
                "a child's line does not reach back before its fork");
        Color childLine = img.getPixelReader().getColor((int) Math.round(fx(() -> view.xOf(300))), yChild);
        assertTrue(distance(LineageView.LINE, childLine) < 0.3, "the child's line after the fork: " + childLine);
    }

    @Test
    void theScrubberShowsTheCheckpointsNetworkOnTheGridAndStepsWithTheArrowKeys() throws Exception {
        ComparePane c = openAll();
        OpenedRun p = fx(() -> c.runs().get(0));
        fx(() -> {
            c.selectRun(p);
            c.scrubTo(0);
            return null;
        });
        LabWindow w = lab.window();
        waitFor("checkpoint 128 drawn", 60_000, () -> fx(() -> w.scrubShown() != null
                && w.scrubShown().step() == 128 && w.scrubShown().run() == p));
        assertEquals("step 128 of 256  (checkpoint 1 of 2, parent)", fx(() -> c.scrubLabel().getText()));
        assertTrue(fx(() -> w.gridView().captionProperty().get()).startsWith("checkpoint step 128 of parent"));
        DynamicsRun run = DynamicsRun.load(parent);
        int cells128 = checkGrid(w, run.network(128), 128);

        fx(() -> {
            Event.fireEvent(c, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.RIGHT, false, false, false, false));
            return null;
        });
        waitFor("checkpoint 256 drawn", 60_000, () -> fx(() -> w.scrubShown().step() == 256));
        assertEquals(1.0, fx(() -> c.scrubber().getValue()));
        assertEquals(cells128, checkGrid(w, run.network(256), 256));
    }

    /** The grid's frame is checkpoint {@code step}'s: its greedy action and value in every drawn cell. */
    private static int checkGrid(LabWindow w, InspectableNetwork net, long step) throws Exception {
        PolicyFrame f = fx(() -> w.gridView().frame());
        assertEquals(step, f.envSteps());
        GridWorld world = fx(() -> w.scrubShown().run().info().newWorld());
        int n = 0;
        for (int r = 0; r < f.height(); r++) {
            for (int col = 0; col < f.width(); col++) {
                if (!f.has(r, col, 0)) {
                    continue;
                }
                float[] obs = new float[world.spec().observationSize()];
                world.encode(new GridState(r, col, 0), obs, 0);
                double[] in = new double[obs.length];
                for (int i = 0; i < in.length; i++) {
                    in[i] = obs[i];
                }
                Recording rec = net.run(in, 1, List.of(NeuronAblation.POLICY, NeuronAblation.VALUE), List.of());
                double[] logits = rec.get(NeuronAblation.POLICY).row(0);
                int best = 0;
                for (int a = 1; a < logits.length; a++) {
                    best = logits[a] > logits[best] ? a : best;
                }
                assertEquals(best, f.greedyAction(r, col, 0), "greedy action at (" + r + ", " + col + ")");
                assertEquals(rec.get(NeuronAblation.VALUE).get(0, 0), f.value(r, col, 0), 1e-6, "value (float network: batch vs single row) at " + r
                        + ", " + col);
                n++;
            }
        }
        assertTrue(n > 30, "the empty room's cells were drawn: " + n);
        return n;
    }
}
