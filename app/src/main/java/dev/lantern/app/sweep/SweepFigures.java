package dev.lantern.app.sweep;

import dev.lantern.analysis.stats.Direction;
import dev.lantern.analysis.stats.Estimator;
import dev.lantern.analysis.stats.Interval;
import dev.lantern.analysis.stats.SeedComparison;
import dev.lantern.app.analyze.Figures;
import dev.lantern.app.analyze.ReportCharts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The aggregate's figures: {@code interval-estimates} (each estimator per setting, a point with its CI whiskers, one
 * panel per metric), {@code performance-profiles} (each setting's profile with its band, one panel per metric) and
 * {@code probability-of-improvement} (each pair of settings per metric, with its CI, the 0.5 of no difference dashed).
 */
final class SweepFigures {

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};
    private static final Color GRID = new Color(0xdddddd);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    private SweepFigures() {
    }

    static void draw(Figures figures, List<MetricSamples> metrics, List<SeedComparison.Result> results,
                     double confidence) {
        String ci = String.format(Locale.ROOT, "%.0f%% stratified-bootstrap CIs", 100 * confidence);
        figures.chart("interval-estimates", intervals(metrics, results, ci), 900, 120 + 230 * metrics.size());
        figures.chart("performance-profiles", profiles(metrics, results, ci), 90 + 380 * metrics.size(), 470);
        figures.chart("probability-of-improvement", improvements(metrics, results, ci), 900, 480);
    }

    private static JFreeChart intervals(List<MetricSamples> metrics, List<SeedComparison.Result> results, String ci) {
        Estimator[] all = Estimator.values();
        String[] names = {"IQM", "median", "mean", "optimality gap"};
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(symbols("estimator", names));
        plot.setGap(12);
        for (int m = 0; m < metrics.size(); m++) {
            SeedComparison.Result r = results.get(m);
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            int n = r.settings().size();
            for (int s = 0; s < n; s++) {
                SeedComparison.SettingEstimates e = r.settings().get(s);
                YIntervalSeries series = new YIntervalSeries(e.label() + " (" + e.runs() + " runs)");
                for (int k = 0; k < all.length; k++) {
                    Interval i = e.estimates().get(all[k]);
                    if (i != null) {
                        series.add(k + offset(s, n), i.point(), i.lower(), i.upper());
                    }
                }
                data.addSeries(series);
            }
            NumberAxis y = new NumberAxis(axisLabel(metrics.get(m)));
            y.setAutoRangeIncludesZero(false);
            plot.add(panel(new XYPlot(data, null, y, errorRenderer(n, m == 0))));
        }
        return chart("Interval estimates per setting (" + ci + ")", plot);
    }

    private static JFreeChart profiles(List<MetricSamples> metrics, List<SeedComparison.Result> results, String ci) {
        NumberAxis fraction = new NumberAxis("fraction of runs better than tau");
        fraction.setRange(0, 1.02);
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(fraction);
        plot.setGap(14);
        for (int m = 0; m < metrics.size(); m++) {
            MetricSamples metric = metrics.get(m);
            SeedComparison.Result r = results.get(m);
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            for (SeedComparison.SettingEstimates e : r.settings()) {
                YIntervalSeries series = new YIntervalSeries(e.label());
                double[] taus = e.profile().taus();
                Interval[] f = e.profile().fractions();
                for (int k = 0; k < taus.length; k++) {
                    series.add(taus[k], f[k].point(), f[k].lower(), f[k].upper());
                }
                data.addSeries(series);
            }
            DeviationRenderer renderer = new DeviationRenderer(true, false);
            for (int s = 0; s < r.settings().size(); s++) {
                renderer.setSeriesPaint(s, color(s));
                renderer.setSeriesFillPaint(s, color(s));
                renderer.setSeriesStroke(s, new BasicStroke(2f));
                renderer.setSeriesVisibleInLegend(s, m == 0);
            }
            renderer.setAlpha(0.2f);
            String rule = metric.direction() == Direction.HIGHER_IS_BETTER ? "score > tau" : "steps <= tau";
            NumberAxis x = new NumberAxis("tau: " + axisLabel(metric) + " (" + rule + ")");
            x.setAutoRangeIncludesZero(false);
            plot.add(panel(new XYPlot(data, x, null, renderer)));
        }
        return chart("Performance profiles with " + ci, plot);
    }

    private static JFreeChart improvements(List<MetricSamples> metrics, List<SeedComparison.Result> results,
                                           String ci) {
        String[] names = metrics.stream().map(m -> m.key() + " (" + m.direction().key() + " better)")
                .toArray(String[]::new);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<SeedComparison.Improvement> pairs = results.get(0).improvements();
        for (int p = 0; p < pairs.size(); p++) {
            SeedComparison.Improvement pair = pairs.get(p);
            YIntervalSeries series = new YIntervalSeries("P(" + pair.x() + " better than " + pair.y() + ")");
            for (int m = 0; m < results.size(); m++) {
                Interval i = results.get(m).improvements().get(p).probability();
                series.add(m + offset(p, pairs.size()), i.point(), i.lower(), i.upper());
            }
            data.addSeries(series);
        }
        NumberAxis y = new NumberAxis("probability of improvement");
        y.setRange(0, 1);
        XYPlot plot = new XYPlot(data, symbols("metric", names), y, errorRenderer(pairs.size(), true));
        ValueMarker even = new ValueMarker(0.5, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        even.setLabel("0.5: no difference");
        even.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        even.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        even.setLabelBackgroundColor(Color.WHITE);
        plot.addRangeMarker(even);
        return chart("Probability of improvement (Mann-Whitney U / nm, ties 1/2; " + ci + ")", plot);
    }

    private static XYErrorRenderer errorRenderer(int series, boolean legend) {
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(false);
        renderer.setDrawXError(false);
        renderer.setErrorStroke(new BasicStroke(2f));
        renderer.setCapLength(8);
        renderer.setAutoPopulateSeriesShape(false);
        for (int s = 0; s < series; s++) {
            renderer.setSeriesPaint(s, color(s));
            renderer.setSeriesShape(s, new Ellipse2D.Double(-4, -4, 8, 8));
            renderer.setSeriesVisibleInLegend(s, legend);
        }
        renderer.setErrorPaint(null); // whiskers take the series' colour
        return renderer;
    }

    private static SymbolAxis symbols(String label, String[] names) {
        SymbolAxis axis = new SymbolAxis(label, names);
        axis.setGridBandsVisible(false);
        axis.setRange(-0.5, names.length - 0.5);
        return axis;
    }

    private static double offset(int index, int count) {
        return count == 1 ? 0 : (index - (count - 1) / 2.0) * Math.min(0.15, 0.6 / count);
    }

    private static Color color(int index) {
        return PALETTE[index % PALETTE.length];
    }

    private static String axisLabel(MetricSamples m) {
        return switch (m.key()) {
            case "return" -> m.normalised() ? "return / exact optimum" : "return (raw)";
            case "steps_to_solve" -> "env steps to solve";
            case "success_rate" -> "success rate";
            default -> m.key().replace('_', ' ');
        };
    }

    private static XYPlot panel(XYPlot sub) {
        sub.setBackgroundPaint(Color.WHITE);
        sub.setRangeGridlinePaint(GRID);
        sub.setDomainGridlinePaint(GRID);
        return sub;
    }

    private static JFreeChart chart(String title, XYPlot plot) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        return ReportCharts.style(chart);
    }
}
