package dev.lantern.app.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a board-game run, against self-play positions (environment steps): the outcomes of each iteration's
 * self-play games (first player wins, draws, second player wins, as fractions), the loss terms (visit cross-entropy,
 * squared value error, L2) and the evaluation matches' results (win and loss rate against each opponent:
 * {@code eval/vs_<name>_{win,loss}_rate}, dots joined, every {@code evalEveryIterations} and at the end). FX thread
 * only; {@link #accept} takes a batch, {@link #refresh} redraws what changed.
 */
final class GameCharts extends VBox {

    /** The self-play speed metric; the charts do not draw it, the status line and the benchmark read it. */
    static final String POSITIONS_PER_SECOND = "time/selfplay_positions_per_second";

    private final XYSeriesCollection outcomeData = new XYSeriesCollection();
    private final XYSeriesCollection lossData = new XYSeriesCollection();
    private final XYSeriesCollection evalData = new XYSeriesCollection();
    private final Map<String, XYSeries> series = new LinkedHashMap<>();
    private final JFreeChart outcomes;
    private final JFreeChart losses;
    private final JFreeChart evaluation;
    private TextTitle evalNote;
    private double positionsPerSecond = Double.NaN;
    private long budget = 1;
    private boolean dirty;

    GameCharts() {
        setSpacing(6);
        outcomes = ChartStyle.chart("Self-play outcomes (per iteration)", "fraction of games", outcomeData);
        add(outcomeData, "selfplay/first_player_win", "first player (x) wins");
        add(outcomeData, "selfplay/draw", "draws");
        add(outcomeData, "selfplay/second_player_win", "second player (o) wins");
        losses = ChartStyle.chart("Training loss (mean over the iteration's steps)", "loss", lossData);
        add(lossData, "loss/policy", "policy (visit cross-entropy)");
        add(lossData, "loss/value", "value (z − v)²");
        add(lossData, "loss/l2", "L2");
        evaluation = ChartStyle.chart("Evaluation matches (greedy PUCT, no noise)", "rate", evalData);
        ((XYLineAndShapeRenderer) evaluation.getXYPlot().getRenderer()).setDefaultShapesVisible(true);
        evalNote = ChartStyle.replaceNote(evaluation, null, "no match played yet");
        for (JFreeChart c : List.of(outcomes, evaluation)) {
            NumberAxis y = (NumberAxis) c.getXYPlot().getRangeAxis();
            y.setRange(new Range(0, 1));
        }
        ChartViewer a = ChartStyle.viewer(outcomes, "selfplayChart");
        ChartViewer b = ChartStyle.viewer(losses, "gameLossChart");
        ChartViewer e = ChartStyle.viewer(evaluation, "evalChart");
        getChildren().addAll(a, b, e);
    }

    /** Empties every chart for a run of {@code totalEnvSteps} positions. */
    void reset(long totalEnvSteps) {
        budget = Math.max(1, totalEnvSteps);
        series.values().forEach(XYSeries::clear);
        evalData.removeAllSeries();
        series.keySet().removeIf(k -> k.startsWith("eval/"));
        evalNote = ChartStyle.replaceNote(evaluation, evalNote, "no match played yet");
        positionsPerSecond = Double.NaN;
        dirty = true;
        refresh();
    }

    /** Adds a batch of metrics. */
    void accept(List<MetricPoint> batch) {
        for (MetricPoint p : batch) {
            if (p.name().equals(POSITIONS_PER_SECOND)) {
                positionsPerSecond = p.value();
                continue;
            }
            XYSeries s = series.get(p.name());
            if (s == null && p.name().startsWith("eval/vs_")
                    && (p.name().endsWith("_win_rate") || p.name().endsWith("_loss_rate"))) {
                String what = p.name().substring("eval/vs_".length(), p.name().length() - "_rate".length());
                int cut = what.lastIndexOf('_');
                s = add(evalData, p.name(), what.substring(cut + 1) + " vs " + what.substring(0, cut));
                evalNote = ChartStyle.replaceNote(evaluation, evalNote, null);
            }
            if (s != null && Double.isFinite(p.value())) {
                s.add(p.step(), p.value(), false);
                dirty = true;
            }
        }
    }

    /** Redraws the charts if a series changed. */
    void refresh() {
        if (!dirty) {
            return;
        }
        dirty = false;
        for (JFreeChart c : List.of(outcomes, losses, evaluation)) {
            c.setNotify(false);
            NumberAxis x = (NumberAxis) c.getXYPlot().getDomainAxis();
            double max = budget;
            for (XYSeries s : series.values()) {
                if (!s.isEmpty()) {
                    max = Math.max(max, s.getMaxX());
                }
            }
            x.setRange(0, max);
        }
        for (XYSeries s : series.values()) {
            s.setNotify(true); // fires one change event
            s.setNotify(false);
        }
        for (JFreeChart c : List.of(outcomes, losses, evaluation)) {
            c.setNotify(true);
        }
    }

    /** The newest self-play speed (positions per second of self-play), NaN before the first iteration. */
    double positionsPerSecond() {
        return positionsPerSecond;
    }

    /** The points of the series of metric {@code name}, or 0 if there is none. */
    int points(String name) {
        XYSeries s = series.get(name);
        return s == null ? 0 : s.getItemCount();
    }

    private XYSeries add(XYSeriesCollection data, String metric, String label) {
        XYSeries s = new XYSeries(label, false, true);
        s.setNotify(false);
        data.addSeries(s);
        series.put(metric, s);
        return s;
    }
}
