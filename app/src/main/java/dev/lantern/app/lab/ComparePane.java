package dev.lantern.app.lab;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The Compare tab: runs opened from their directories ({@code lantern lab --runs}, or <b>Open runs…</b>), their
 * return curves overlaid with the IQM across runs and its 95% bootstrap band ({@link CompareCurves}), the fork lineage
 * ({@link LineageView}), the list of runs, and the timeline scrubber over the selected run's checkpoints: a slider
 * snapping to checkpoints (left/right step through them) whose checkpoint's frame is read in the background
 * ({@link RunLibrary}) and offered to the grid as {@link #scrubbed()}. FX thread only.
 *
 * <p>Node ids: {@code #openRuns}, {@code #compareChart}, {@code #runList}, {@code #lineage}, {@code #scrubber},
 * {@code #scrubLabel}, {@code #compareNote}.
 */
final class ComparePane extends VBox {

    /**
     * A checkpoint's frame of an opened run, for the grid.
     *
     * @param run   the run
     * @param index the checkpoint's index among the run's checkpoints
     * @param step  its env step
     * @param frame the network's policy and value there
     */
    record Scrubbed(OpenedRun run, int index, long step, PolicyFrame frame) {

        /** What the grid must say so that nobody takes it for live training. */
        String caption() {
            return String.format(Locale.ROOT, "checkpoint step %,d of %s (seed %d; a saved run, not live training)",
                    step, run.label(), run.seed());
        }
    }

    private final RunLibrary library = new RunLibrary();
    private final ObservableList<OpenedRun> runs = FXCollections.observableArrayList();
    private final ListView<OpenedRun> list = new ListView<>(runs);
    private final XYSeriesCollection runData = new XYSeriesCollection();
    private final YIntervalSeriesCollection iqmData = new YIntervalSeriesCollection();
    private final JFreeChart chart = ChartStyle.chart("Return across runs: each run, IQM and 95% bootstrap CI",
            "return", runData);
    private final XYLineAndShapeRenderer runRenderer = new XYLineAndShapeRenderer(true, false);
    private final LineageView lineage = new LineageView();
    private final Slider scrubber = new Slider(0, 1, 0);
    private final Label scrubLabel = new Label("Select a run to scrub through its checkpoints");
    private final Label note = new Label();
    private org.jfree.chart.title.TextTitle curveNote;
    private OpenedRun selected;
    private Scrubbed scrubbed;
    private long wanted = -1;
    private Integer scrubFirst;
    private int requested;
    private int pending;

    /** An empty compare tab. */
    ComparePane() {
        super(6);
        setPadding(new Insets(6));
        Button open = new Button("Open runs…");
        open.setId("openRuns");
        open.setOnAction(e -> chooseRuns());
        note.setId("compareNote");
        note.getStyleClass().add("dim");
        HBox top = new HBox(8, open, note);
        top.setAlignment(Pos.CENTER_LEFT);
        XYLineAndShapeRenderer base = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        base.setDefaultSeriesVisibleInLegend(true);
        chart.getXYPlot().setRenderer(0, runRenderer);
        chart.getXYPlot().setDataset(1, iqmData);
        DeviationRenderer band = new DeviationRenderer(true, false);
        band.setSeriesPaint(0, new Color(0x212529));
        band.setSeriesFillPaint(0, new Color(0x868e96));
        band.setAlpha(0.3f);
        band.setSeriesStroke(0, new BasicStroke(2.6f));
        chart.getXYPlot().setRenderer(1, band);
        ChartViewer viewer = ChartStyle.viewer(chart, "compareChart");
        list.setId("runList");
        list.setPrefWidth(190);
        list.setPrefHeight(170);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> select(now));
        lineage.setId("lineage");
        lineage.setOnSelect(r -> list.getSelectionModel().select(r));
        HBox.setHgrow(lineage, Priority.ALWAYS);
        HBox middle = new HBox(6, list, lineage);
        middle.setPrefHeight(190);
        middle.setMinHeight(150);
        scrubber.setId("scrubber");
        scrubber.setMajorTickUnit(1);
        scrubber.setMinorTickCount(0);
        scrubber.setBlockIncrement(1);
        scrubber.setSnapToTicks(true);
        scrubber.setShowTickMarks(true);
        scrubber.setDisable(true);
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.valueProperty().addListener((obs, old, now) -> scrubTo((int) Math.round(now.doubleValue())));
        scrubLabel.setId("scrubLabel");
        scrubLabel.setMinWidth(330);
        HBox bottom = new HBox(8, new Label("Checkpoint"), scrubber, scrubLabel);
        bottom.setAlignment(Pos.CENTER_LEFT);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT) {
                step(e.getCode() == KeyCode.LEFT ? -1 : 1);
                e.consume();
            }
        });
        getChildren().addAll(top, viewer, middle, bottom);
    }

    /** Opens each of {@code dirs} (a run, or a folder of runs) in the background; each appears once read. */
    void open(List<Path> dirs) {
        for (Path d : dirs) {
            for (Path r : RunDirs.runsIn(d)) {
                Path n = r.toAbsolutePath().normalize();
                if (runs.stream().anyMatch(o -> o.dir().equals(n))) {
                    continue;
                }
                pending++;
                requested++;
                refreshNote(null);
                library.open(n, this::added, why -> {
                    pending--;
                    refreshNote(why);
                });
            }
        }
    }

    /** The runs opened so far, in the order they were read. */
    List<OpenedRun> runs() {
        return List.copyOf(runs);
    }

    /** How many runs were asked for (read or not yet). */
    int requested() {
        return requested;
    }

    /**
     * Moves the scrubber to checkpoint {@code index} of the first run selected (negative: from the end, -1 = the
     * last), instead of its last checkpoint.
     */
    void scrubLater(int index) {
        scrubFirst = index;
    }

    /** How many runs are still being read. */
    int pending() {
        return pending;
    }

    /** The chart (one series per run in dataset 0, the IQM band in dataset 1). */
    JFreeChart chart() {
        return chart;
    }

    /** The lineage view. */
    LineageView lineageView() {
        return lineage;
    }

    /** The scrubber's slider. */
    Slider scrubber() {
        return scrubber;
    }

    /** The scrubber's label. */
    Label scrubLabel() {
        return scrubLabel;
    }

    /** The run selected for the scrubber, or null. */
    OpenedRun selected() {
        return selected;
    }

    /** Selects {@code run} (in the list and the tree) for the scrubber. */
    void selectRun(OpenedRun run) {
        list.getSelectionModel().select(run);
    }

    /** The newest checkpoint frame read for the scrubber's position, or null. */
    Scrubbed scrubbed() {
        return scrubbed;
    }

    /** Moves the scrubber to checkpoint {@code index} of the selected run (clamped). */
    void scrubTo(int index) {
        if (selected == null || selected.checkpointSteps().isEmpty()) {
            return;
        }
        List<Long> steps = selected.checkpointSteps();
        int i = Math.max(0, Math.min(steps.size() - 1, index));
        if (scrubber.getValue() != i) {
            scrubber.setValue(i); // comes back here through the listener
            return;
        }
        long step = steps.get(i);
        OpenedRun run = selected;
        wanted = step;
        scrubLabel.setText(String.format(Locale.ROOT, "step %,d of %,d  (checkpoint %d of %d, %s)", step,
                steps.get(steps.size() - 1), i + 1, steps.size(), run.label()));
        library.frame(run, step, f -> {
            if (run == selected && step == wanted) {
                scrubbed = new Scrubbed(run, i, step, f);
            }
        }, why -> refreshNote("checkpoint " + step + ": " + why));
    }

    /** Moves the scrubber {@code delta} checkpoints on. */
    void step(int delta) {
        scrubTo((int) Math.round(scrubber.getValue()) + delta);
    }

    /** Ends the run thread. */
    void close() {
        library.close();
    }

    private void chooseRuns() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a run directory (or a folder of runs)");
        File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) {
            open(List.of(dir.toPath()));
        }
    }

    private void added(OpenedRun run) {
        pending--;
        runs.add(run);
        redraw();
        refreshNote(null);
        if (selected == null) {
            list.getSelectionModel().select(run);
        }
    }

    private void select(OpenedRun run) {
        selected = run;
        lineage.setSelected(run);
        restyle();
        if (run == null) {
            scrubber.setDisable(true);
            return;
        }
        int n = run.checkpointSteps().size();
        scrubber.setDisable(false);
        scrubber.setMax(Math.max(0, n - 1));
        int to = n - 1;
        if (scrubFirst != null) {
            to = scrubFirst < 0 ? n + scrubFirst : scrubFirst;
            scrubFirst = null;
        }
        to = Math.max(0, Math.min(n - 1, to));
        if (scrubber.getValue() != to) {
            scrubber.setValue(to);
        } else {
            scrubTo(to);
        }
    }

    private void redraw() {
        CompareCurves c = CompareCurves.of(runs);
        runData.removeAllSeries();
        for (CompareCurves.Curve curve : c.curves()) {
            String key = curve.run().label() + " (seed " + curve.run().seed() + ")";
            for (int copy = 2; runData.getSeriesIndex(key) >= 0; copy++) {
                key = curve.run().label() + " (seed " + curve.run().seed() + ", " + copy + ")"; // two runs of one name
            }
            XYSeries s = new XYSeries(key, false, true);
            for (int i = 0; i < curve.steps().length; i++) {
                s.add(curve.steps()[i], curve.values()[i]);
            }
            runData.addSeries(s);
        }
        iqmData.removeAllSeries();
        CompareCurves.Band b = c.iqm();
        YIntervalSeries iqm = new YIntervalSeries("IQM of " + runs.size() + " runs, 95% bootstrap CI");
        for (int i = 0; i < b.steps().length; i++) {
            iqm.add(b.steps()[i], b.iqm()[i], b.low()[i], b.high()[i]);
        }
        iqmData.addSeries(iqm);
        lineage.setLineage(Lineage.of(runs));
        boolean eval = c.curves().stream().anyMatch(k -> k.metric().equals("eval/return"));
        boolean episodes = c.curves().stream().anyMatch(k -> k.metric().equals("episode/return"));
        String what = (eval ? "greedy eval/return points" : "") + (eval && episodes ? "; " : "")
                + (episodes ? String.format(Locale.ROOT, "episode/return, mean per %,d-step bin", c.binWidth()) : "");
        curveNote = ChartStyle.replaceNote(chart, curveNote, "curves: " + what
                + "  ·  band: the IQM's 95% percentile bootstrap over runs");
        restyle();
    }

    /** Thin lines, one colour each; the selected run's thicker. */
    private void restyle() {
        for (int i = 0; i < runs.size(); i++) {
            Color c = ChartStyle.PALETTE[i % ChartStyle.PALETTE.length];
            boolean sel = runs.get(i) == selected;
            runRenderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), sel ? 255 : 150));
            runRenderer.setSeriesStroke(i, new BasicStroke(sel ? 2.2f : 1.0f));
        }
    }

    private void refreshNote(String problem) {
        List<String> parts = new ArrayList<>();
        parts.add(runs.size() + (runs.size() == 1 ? " run" : " runs"));
        if (pending > 0) {
            parts.add("reading " + pending + "…");
        }
        if (problem != null) {
            parts.add("could not open: " + problem);
        }
        note.setText(String.join("  ·  ", parts));
    }
}
