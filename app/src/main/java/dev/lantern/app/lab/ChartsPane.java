package dev.lantern.app.lab;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import dev.lantern.environments.grid.solve.OptimalReturn;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The three live charts, against environment steps: episode return (every episode as a dot, the moving average over
 * {@value #RETURN_WINDOW} episodes as a line, the optimal return as a dashed line), the losses (policy and value on
 * the left axis, entropy in nats on the right), and the cumulative loss change allocation of every layer (negative =
 * the layer's updates lowered the loss). Metrics arrive in batches on the FX thread ({@link #accept}); every series is
 * kept to at most {@value #MAX_POINTS} points by {@link Downsampler}, so long runs stay fast.
 */
public final class ChartsPane extends VBox {

    /** Episodes in the return's moving average. */
    public static final int RETURN_WINDOW = 50;
    /** Most points kept per series. */
    public static final int MAX_POINTS = 2000;
    private static final String LCA_PREFIX = "lca/layer/";
    /** What the LCA chart says for a run without loss change allocation. */
    static final String LCA_OFF = "loss change allocation off (--no-lca)";
    private final JFreeChart returnChart;
    private final JFreeChart lossChart;
    private final JFreeChart lcaChart;
    private final XYSeriesCollection returnData = new XYSeriesCollection();
    private final XYSeriesCollection lossData = new XYSeriesCollection();
    private final XYSeriesCollection entropyData = new XYSeriesCollection();
    private final XYSeriesCollection lcaData = new XYSeriesCollection();
    private final Map<XYSeries, Downsampler> sources = new IdentityHashMap<>(); // XYSeries.hashCode follows its data
    private final Map<XYSeries, Boolean> dirty = new IdentityHashMap<>();
    private final XYSeries rawReturn = new XYSeries("episode return", false, true);
    private final XYSeries averageReturn = new XYSeries("moving average (" + RETURN_WINDOW + ")", false, true);
    private final XYSeries policyLoss = new XYSeries("policy", false, true);
    private final XYSeries valueLoss = new XYSeries("value", false, true);
    private final XYSeries entropy = new XYSeries("entropy (right axis)", false, true);
    private final XYSeries averagePerformance = new XYSeries("hidden performance, moving average (" + RETURN_WINDOW
            + ")", false, true);
    private XYSeries tdLoss;
    private final Map<String, XYSeries> lcaSeries = new LinkedHashMap<>();
    private final Map<String, Double> lcaCumulative = new LinkedHashMap<>();
    private final ChartViewer returnViewer;
    private final ChartViewer lossViewer;
    private final ChartViewer lcaViewer;
    private MovingAverage returnAverage = new MovingAverage(RETURN_WINDOW);
    private MovingAverage performanceAverage = new MovingAverage(RETURN_WINDOW);
    /** Says that the run computes no LCA, or null. */
    private TextTitle lcaNoteTitle;
    private long budget;
    private double maxStep;
    private ValueMarker optimalMarker;
    /** One invisible point at the optimum, so the return axis's auto range always shows the dashed line. */
    private final XYSeriesCollection optimumAnchor = new XYSeriesCollection();
    /** Says why the return chart has no optimum line, or null. */
    private TextTitle optimalNoteTitle;
    private long episodes;

    /** Empty charts. */
    public ChartsPane() {
        getStyleClass().add("charts-pane");
        track(returnData, rawReturn);
        track(returnData, averageReturn);
        track(lossData, policyLoss);
        track(lossData, valueLoss);
        track(entropyData, entropy);

        returnChart = ChartStyle.chart("Episode return", "return", returnData);
        XYLineAndShapeRenderer returns = renderer(returnChart);
        returns.setSeriesLinesVisible(0, false);
        returns.setSeriesShapesVisible(0, true);
        returns.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
        returns.setSeriesPaint(0, new Color(31, 119, 180, 90));
        returns.setSeriesPaint(1, new Color(0xd62728));
        returns.setSeriesStroke(1, new BasicStroke(2.2f));
        returnChart.getXYPlot().setDataset(1, optimumAnchor);
        XYLineAndShapeRenderer invisible = ChartStyle.renderer(false, false);
        invisible.setDefaultSeriesVisibleInLegend(false);
        returnChart.getXYPlot().setRenderer(1, invisible);
        ((NumberAxis) returnChart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);

        lossChart = ChartStyle.chart("Losses", "loss", lossData);
        XYPlot lossPlot = lossChart.getXYPlot();
        NumberAxis entropyAxis = new NumberAxis("entropy (nats)");
        ChartStyle.styleAxis(entropyAxis);
        entropyAxis.setAutoRangeIncludesZero(false);
        lossPlot.setRangeAxis(1, entropyAxis);
        lossPlot.setDataset(1, entropyData);
        lossPlot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer entropyRenderer = ChartStyle.renderer(true, false);
        entropyRenderer.setSeriesPaint(0, ChartStyle.PALETTE[2]);
        entropyRenderer.setSeriesStroke(0, new BasicStroke(1.6f));
        lossPlot.setRenderer(1, entropyRenderer);

        lcaChart = ChartStyle.chart("Cumulative LCA per layer (below 0 = helped)", "cumulative Δloss", lcaData);
        lcaChart.getXYPlot().addRangeMarker(new ValueMarker(0, new Color(0x777777), new BasicStroke(1f)));
        lcaChart.getXYPlot().getRangeAxis().setDefaultAutoRange(new Range(-1, 1));
        lcaChart.getXYPlot().getRangeAxis().configure(); // the empty chart's range: 0 in the middle

        returnViewer = ChartStyle.viewer(returnChart, "returnChart");
        lossViewer = ChartStyle.viewer(lossChart, "lossChart");
        lcaViewer = ChartStyle.viewer(lcaChart, "lcaChart");
        getChildren().addAll(returnViewer, lossViewer, lcaViewer);
    }

    /** Episodes seen so far. */
    public long episodes() {
        return episodes;
    }

    /** The moving average of the return (NaN before the first episode). */
    public double averageReturn() {
        return returnAverage.mean();
    }

    /** The cumulative LCA of each layer so far, in order of first appearance. */
    public Map<String, Double> cumulativeLca() {
        return Map.copyOf(lcaCumulative);
    }

    private void drop(XYSeriesCollection data, XYSeries s) {
        data.removeSeries(s);
        sources.remove(s);
        dirty.remove(s);
    }

    /**
     * Clears every chart for {@code info}'s run: the optimum line, environment steps from 0 to the run's budget on
     * every x axis, the hidden performance beside the return on maps where it can differ from the reward
     * ({@link HiddenPerformance}), and a note on the LCA chart when the run computes none.
     */
    public void reset(RunInfo info) {
        reset(info.optimum(), info.settings().totalEnvSteps(), HiddenPerformance.differsFromReward(info.map()),
                info.settings().lca());
    }

    /**
     * Clears every chart for a new run; the optimum is drawn as a dashed line only when it is the true optimum
     * ({@code null}, or not solved: no line, and the chart's subtitle says why).
     *
     * @param budget      the run's budget in environment steps: every x axis spans [0, budget] (and grows past it
     *                    with the data); 0 = follow the data
     * @param performance whether the hidden performance is charted beside the return
     * @param lca         whether the run computes loss change allocation (if not, the LCA chart says so)
     */
    void reset(OptimalReturn optimum, long budget, boolean performance, boolean lca) {
        for (XYSeries s : List.copyOf(sources.keySet())) {
            sources.put(s, new Downsampler(MAX_POINTS));
            dirty.put(s, true);
        }
        lcaSeries.values().forEach(s -> drop(lcaData, s));
        lcaSeries.clear();
        lcaCumulative.clear();
        if (tdLoss != null) { // the next run's learner may have none
            drop(lossData, tdLoss);
            tdLoss = null;
        }
        showPerformance(performance);
        returnAverage = new MovingAverage(RETURN_WINDOW);
        performanceAverage = new MovingAverage(RETURN_WINDOW);
        episodes = 0;
        this.budget = budget;
        maxStep = 0;
        XYPlot plot = returnChart.getXYPlot();
        optimumAnchor.removeAllSeries();
        if (optimalMarker != null) {
            plot.removeRangeMarker(optimalMarker);
            optimalMarker = null;
        }
        String label = OptimumText.chartLabel(optimum);
        optimalNoteTitle = ChartStyle.replaceNote(returnChart, optimalNoteTitle, OptimumText.chartNote(optimum));
        lcaNoteTitle = ChartStyle.replaceNote(lcaChart, lcaNoteTitle, lca ? null : LCA_OFF);
        if (label != null) {
            optimalMarker = ChartStyle.optimumMarker(optimum.value(), label);
            plot.addRangeMarker(optimalMarker);
            XYSeries anchor = new XYSeries("optimum", false);
            anchor.add(0, optimum.value());
            optimumAnchor.addSeries(anchor);
        }
        fitStepAxes();
        refresh();
    }

    /** Adds or removes the hidden performance's series on the return chart. */
    private void showPerformance(boolean shown) {
        boolean now = sources.containsKey(averagePerformance);
        if (shown && !now) {
            track(returnData, averagePerformance);
            int i = returnData.getSeriesCount() - 1;
            renderer(returnChart).setSeriesPaint(i, ChartStyle.PALETTE[3]);
            renderer(returnChart).setSeriesStroke(i, new BasicStroke(2.2f));
        } else if (!shown && now) {
            drop(returnData, averagePerformance);
        }
    }

    /** Every x axis spans [0, max(budget, the last step seen)] (or follows the data without a budget). */
    private void fitStepAxes() {
        double upper = Math.max(budget, maxStep);
        for (JFreeChart chart : List.of(returnChart, lossChart, lcaChart)) {
            NumberAxis x = (NumberAxis) chart.getXYPlot().getDomainAxis();
            if (budget <= 0) {
                x.setAutoRange(true);
            } else if (x.isAutoRange() || x.getLowerBound() != 0 || x.getUpperBound() != upper) {
                x.setRange(0, upper);
            }
        }
    }

    /** Whether the return chart shows the hidden performance (safety maps). */
    boolean showsPerformance() {
        return sources.containsKey(averagePerformance);
    }

    /** The moving average of the hidden performance (NaN before the first episode or where it is not charted). */
    public double averagePerformance() {
        return showsPerformance() ? performanceAverage.mean() : Double.NaN;
    }

    /** What the LCA chart says instead of curves, or null. */
    String lcaNote() {
        return lcaNoteTitle == null ? null : lcaNoteTitle.getText();
    }

    /** The three charts: return, losses, LCA. */
    List<JFreeChart> charts() {
        return List.of(returnChart, lossChart, lcaChart);
    }

    /** The return axis's upper bound as drawn (it includes the optimum line). */
    double returnAxisUpper() {
        return returnChart.getXYPlot().getRangeAxis().getUpperBound();
    }

    /** The label of the dashed optimum line on the return chart, or null when none is drawn. */
    String optimalLabel() {
        return optimalMarker == null ? null : optimalMarker.getLabel();
    }

    /** What the return chart says instead of an optimum line, or null. */
    String optimalNote() {
        return optimalNoteTitle == null ? null : optimalNoteTitle.getText();
    }

    /** Takes a batch of metrics (FX thread); call {@link #refresh()} to draw them. */
    public void accept(List<MetricPoint> batch) {
        for (MetricPoint p : batch) {
            double x = p.step();
            maxStep = Math.max(maxStep, x);
            switch (p.name()) {
                case "episode/return" -> {
                    episodes++;
                    add(rawReturn, x, p.value());
                    add(averageReturn, x, returnAverage.add(p.value()));
                }
                case "episode/performance" -> {
                    if (showsPerformance()) {
                        add(averagePerformance, x, performanceAverage.add(p.value()));
                    }
                }
                case "loss/policy" -> add(policyLoss, x, p.value());
                case "loss/value" -> add(valueLoss, x, p.value());
                case "loss/entropy" -> add(entropy, x, p.value());
                case "loss/td" -> add(tdLoss(), x, p.value());
                default -> {
                    if (p.name().startsWith(LCA_PREFIX)) {
                        String layer = p.name().substring(LCA_PREFIX.length());
                        double sum = lcaCumulative.merge(layer, p.value(), Double::sum);
                        add(lcaSeries.computeIfAbsent(layer, this::newLcaSeries), x, sum);
                    }
                }
            }
        }
    }

    /** Copies the changed series into the charts; each chart with a changed series redraws once. */
    public void refresh() {
        if (budget > 0 && maxStep > budget) {
            fitStepAxes();
        }
        for (JFreeChart chart : List.of(returnChart, lossChart, lcaChart)) {
            XYPlot plot = chart.getXYPlot();
            List<XYSeries> changed = new ArrayList<>();
            for (int d = 0; d < plot.getDatasetCount(); d++) {
                if (plot.getDataset(d) instanceof XYSeriesCollection data) {
                    for (Object o : data.getSeries()) {
                        XYSeries s = (XYSeries) o;
                        if (dirty.getOrDefault(s, false)) {
                            changed.add(s);
                        }
                    }
                }
            }
            if (changed.isEmpty()) {
                continue;
            }
            chart.setNotify(false);
            for (XYSeries s : changed) {
                Downsampler d = sources.get(s);
                s.setNotify(false);
                s.clear();
                for (int i = 0; i < d.size(); i++) {
                    s.add(d.x(i), d.y(i), false);
                }
                s.setNotify(true);
                dirty.put(s, false);
            }
            chart.setNotify(true);
        }
    }

    private void add(XYSeries s, double x, double y) {
        if (Double.isFinite(y)) {
            sources.get(s).add(x, y);
            dirty.put(s, true);
        }
    }

    /** The TD-loss series of value-based learners (DQN), added to the loss chart when its first point arrives. */
    private XYSeries tdLoss() {
        if (tdLoss == null) {
            tdLoss = new XYSeries("TD (Huber)", false, true);
            track(lossData, tdLoss);
            int i = lossData.getSeriesCount() - 1;
            renderer(lossChart).setSeriesPaint(i, ChartStyle.PALETTE[3 % ChartStyle.PALETTE.length]);
            renderer(lossChart).setSeriesStroke(i, new BasicStroke(1.6f));
        }
        return tdLoss;
    }

    private XYSeries newLcaSeries(String layer) {
        XYSeries s = new XYSeries(layer, false, true);
        track(lcaData, s);
        int i = lcaData.getSeriesCount() - 1;
        XYLineAndShapeRenderer r = renderer(lcaChart);
        r.setSeriesPaint(i, ChartStyle.PALETTE[i % ChartStyle.PALETTE.length]);
        r.setSeriesStroke(i, new BasicStroke(2f));
        return s;
    }

    private void track(XYSeriesCollection data, XYSeries s) {
        data.addSeries(s);
        sources.put(s, new Downsampler(MAX_POINTS));
        dirty.put(s, false);
    }

    private static XYLineAndShapeRenderer renderer(JFreeChart c) {
        return (XYLineAndShapeRenderer) c.getXYPlot().getRenderer();
    }

}
