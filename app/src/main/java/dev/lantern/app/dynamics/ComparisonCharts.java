package dev.lantern.app.dynamics;

import dev.lantern.agents.run.MetricsLog;
import dev.lantern.analysis.dynamics.LayerDistance;
import dev.lantern.analysis.dynamics.PolicyComparison;
import dev.lantern.app.analyze.ReportCharts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The comparison section's charts: the pairs' agreement and total variation over the common checkpoint steps, their
 * relative parameter distance per layer, and every run's return and performance curves overlaid (the episode metric
 * as a trailing mean of {@value #WINDOW} episodes, the greedy evaluations {@code eval/*} as points).
 */
final class ComparisonCharts {

    /** Episodes in the trailing mean of the training curves. */
    static final int WINDOW = 50;

    private static final Color[] PALETTE = {
        new Color(0x2166ac), new Color(0xe66101), new Color(0x1b7837), new Color(0x762a83), new Color(0xb2182b),
        new Color(0x35978f), new Color(0x8c510a), new Color(0x4d4d4d)
    };

    private ComparisonCharts() {
    }

    /** Run {@code i}'s name in figures: its label, with its position ({@code #2}) when another run has the same. */
    static String name(List<DynamicsRun> runs, int i) {
        String label = runs.get(i).label();
        long same = runs.stream().filter(r -> r.label().equals(label)).count();
        return same > 1 ? label + " #" + (i + 1) : label;
    }

    /** One pair's numbers at each common step, in step order. */
    static final class PairSeries {
        private final String label;
        private final List<Long> steps = new ArrayList<>();
        private final List<PolicyComparison> comparisons = new ArrayList<>();
        private final List<List<LayerDistance>> distances = new ArrayList<>();

        PairSeries(String label) {
            this.label = label;
        }

        void add(long step, PolicyComparison c, List<LayerDistance> d) {
            steps.add(step);
            comparisons.add(c);
            distances.add(d);
        }
    }

    /** Agreement and TV over the steps, and the relative parameter distance per layer. */
    static void overSteps(DynamicsContext context, List<PairSeries> pairs) {
        XYSeriesCollection policy = new XYSeriesCollection();
        XYSeriesCollection params = new XYSeriesCollection();
        for (PairSeries p : pairs) {
            XYSeries agreement = new XYSeries(p.label + ": greedy agreement");
            XYSeries tv = new XYSeries(p.label + ": total variation");
            Map<String, XYSeries> layers = new LinkedHashMap<>();
            for (int i = 0; i < p.steps.size(); i++) {
                agreement.add(p.steps.get(i), Double.valueOf(p.comparisons.get(i).agreement()));
                tv.add(p.steps.get(i), Double.valueOf(p.comparisons.get(i).totalVariation()));
                for (LayerDistance d : p.distances.get(i)) {
                    layers.computeIfAbsent(d.layer(), k -> new XYSeries(p.label + ": " + k))
                            .add(p.steps.get(i), Double.valueOf(d.relative()));
                }
            }
            policy.addSeries(agreement);
            policy.addSeries(tv);
            layers.values().forEach(params::addSeries);
        }
        JFreeChart c = ChartFactory.createXYLineChart("Runs compared over every state, at each common checkpoint",
                "env step", "fraction of decision states / mean TV", policy, PlotOrientation.VERTICAL, true, false,
                false);
        markers(c);
        context.figures().chart("comparison-over-steps", ReportCharts.style(c), 820, 440);
        if (params.getSeriesCount() > 0) {
            JFreeChart d = ChartFactory.createXYLineChart("Parameter distance per layer, ||theta_b - theta_a|| / "
                    + "||theta_a||", "env step", "relative L2 distance", params, PlotOrientation.VERTICAL, true, false,
                    false);
            markers(d);
            context.figures().chart("comparison-parameters", ReportCharts.style(d), 820, 440);
        }
    }

    /** Every run's training return and performance, smoothed, with its greedy evaluations as points. */
    static void curves(DynamicsContext context) {
        curve(context, "comparison-return", "Return per run", "episode/return", "eval/return", "return");
        curve(context, "comparison-performance", "Performance per run", "episode/performance", "eval/performance",
                "performance");
    }

    private static void curve(DynamicsContext context, String name, String title, String episode, String eval,
            String axis) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Integer> points = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        List<DynamicsRun> runs = context.runs();
        for (int k = 0; k < runs.size(); k++) {
            DynamicsRun r = runs.get(k);
            String label = name(runs, k);
            Color color = PALETTE[k % PALETTE.length];
            MetricsLog.Series s = r.metrics().series(episode);
            if (s.size() > 0) {
                XYSeries line = new XYSeries(label + ": " + episode + " (mean of last " + WINDOW + ")", false);
                double sum = 0;
                double[] v = s.values();
                for (int i = 0; i < s.size(); i++) {
                    sum += v[i] - (i >= WINDOW ? v[i - WINDOW] : 0);
                    line.add(s.steps()[i], sum / Math.min(i + 1, WINDOW));
                }
                data.addSeries(line);
                colors.add(color);
            }
            MetricsLog.Series e = r.metrics().series(eval);
            if (e.size() > 0) {
                XYSeries dots = new XYSeries(label + ": " + eval + " (greedy)", false);
                for (int i = 0; i < e.size(); i++) {
                    dots.add(e.steps()[i], e.values()[i]);
                }
                points.add(data.getSeriesCount());
                data.addSeries(dots);
                colors.add(color.darker());
            }
        }
        if (data.getSeriesCount() == 0) {
            return;
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title + " (" + episode + " smoothed; " + eval
                + " points)", "env step", axis, data, PlotOrientation.VERTICAL, true, false, false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, colors.get(i));
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
            if (points.contains(i)) {
                renderer.setSeriesLinesVisible(i, false);
                renderer.setSeriesShapesVisible(i, true);
                renderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
            }
        }
        ((XYPlot) chart.getPlot()).setRenderer(renderer);
        context.figures().chart(name, ReportCharts.style(chart), 820, 440);
    }

    private static void markers(JFreeChart chart) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        ((XYPlot) chart.getPlot()).setRenderer(r);
    }
}
