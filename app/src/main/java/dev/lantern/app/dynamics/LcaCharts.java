package dev.lantern.app.dynamics;

import dev.lantern.app.analyze.ReportCharts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The figures of {@link LcaSection}: neuron x iteration heatmaps, helped fractions, per-term curves, oscillation. */
final class LcaCharts {

    private LcaCharts() {
    }

    /** Red for positive (hurt), green for negative (helped), white at zero; values beyond ±bound saturate. */
    record Diverging(double bound) implements PaintScale {
        @Override
        public double getLowerBound() {
            return -bound;
        }

        @Override
        public double getUpperBound() {
            return bound;
        }

        @Override
        public Paint getPaint(double value) {
            double t = Math.max(-1, Math.min(1, value / bound));
            double a = Math.abs(t);
            // white to red (200, 0, 0) for hurt, white to green (0, 140, 0) for helped
            return t >= 0 ? new Color(mix(200, a), mix(0, a), mix(0, a)) : new Color(mix(0, a), mix(140, a), mix(0, a));
        }

        private static int mix(int full, double a) {
            return (int) Math.round(255 + (full - 255) * a);
        }
    }

    /**
     * Neuron x iteration heatmap of one layer: {@code values[window][neuron]}, colour bound at the 99th percentile of
     * |value| (named in the title).
     */
    static JFreeChart heatmap(String title, long[] windowSteps, double[][] values) {
        int w = values.length;
        int n = w == 0 ? 0 : values[0].length;
        double[] x = new double[w * n];
        double[] y = new double[w * n];
        double[] z = new double[w * n];
        double[] abs = new double[w * n];
        for (int t = 0; t < w; t++) {
            for (int j = 0; j < n; j++) {
                int k = t * n + j;
                x[k] = t;
                y[k] = j;
                z[k] = values[t][j];
                abs[k] = Math.abs(values[t][j]);
            }
        }
        Arrays.sort(abs);
        double bound = abs.length == 0 ? 1 : Math.max(abs[(int) Math.floor(0.99 * (abs.length - 1))], 1e-12);
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("allocation", new double[][] {x, y, z});
        XYBlockRenderer renderer = new XYBlockRenderer();
        Diverging scale = new Diverging(bound);
        renderer.setPaintScale(scale);
        NumberAxis xAxis = new NumberAxis("iteration (probe window; env steps " + (w == 0 ? "-" : windowSteps[0] + " to "
                + windowSteps[w - 1]) + ")");
        xAxis.setRange(-0.5, Math.max(w, 1) - 0.5);
        NumberAxis yAxis = new NumberAxis("neuron");
        yAxis.setRange(-0.5, Math.max(n, 1) - 0.5);
        yAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        JFreeChart chart = new JFreeChart(title + String.format(java.util.Locale.ROOT,
                " (colour saturates at ±%.2g, the 99th percentile of |allocation|)", bound), JFreeChart.DEFAULT_TITLE_FONT,
                plot, false);
        NumberAxis legendAxis = new NumberAxis("allocation per iteration: green = helped (lowered the loss), red = hurt");
        legendAxis.setRange(-bound, bound);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setMargin(4, 40, 4, 40);
        chart.addSubtitle(legend);
        return ReportCharts.style(chart);
    }

    /** Lines over env steps, one per series, with an optional horizontal reference line. */
    static JFreeChart lines(String title, String yLabel, Map<String, double[][]> series, double reference,
            String referenceLabel) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), false, true);
            for (int i = 0; i < e.getValue()[0].length; i++) {
                s.add(e.getValue()[0][i], e.getValue()[1][i]);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "env steps", yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        if (!Double.isNaN(reference)) {
            ValueMarker marker = new ValueMarker(reference, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            marker.setLabel(referenceLabel);
            plot.addRangeMarker(marker);
        }
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return ReportCharts.style(chart);
    }

    /** Cumulative allocation (solid) against the real change (dashed) per term. */
    static JFreeChart terms(String title, double[] steps, List<String> names, List<double[]> allocated,
            List<double[]> actual) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int t = 0; t < names.size(); t++) {
            data.addSeries(series(names.get(t) + ": Σ allocation", steps, allocated.get(t)));
            data.addSeries(series(names.get(t) + ": real change", steps, actual.get(t)));
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "env steps",
                "cumulative change of the pinned probe loss", data, PlotOrientation.VERTICAL, true, false, false);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        Color[] palette = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd),
            new Color(0x333333)};
        for (int t = 0; t < names.size(); t++) {
            Color c = palette[t % palette.length];
            r.setSeriesPaint(2 * t, c);
            r.setSeriesStroke(2 * t, new BasicStroke(2.5f));
            r.setSeriesPaint(2 * t + 1, c.darker());
            r.setSeriesStroke(2 * t + 1, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                    new float[] {5f, 4f}, 0f));
        }
        return ReportCharts.style(chart);
    }

    /** A histogram of {@code values} in {@code bins} bins over [lo, hi]. */
    static JFreeChart histogram(String title, String xLabel, String yLabel, double[] values, int bins, double lo,
            double hi) {
        HistogramDataset data = new HistogramDataset();
        data.addSeries(xLabel, values, bins, lo, hi);
        JFreeChart chart = ChartFactory.createHistogram(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, false,
                false, false);
        return ReportCharts.style(chart);
    }

    /** Bars of precomputed bin counts over [lo, hi] (equal bins). */
    static JFreeChart bins(String title, String xLabel, String yLabel, long[] counts, double lo, double hi) {
        XYSeries s = new XYSeries(yLabel);
        double width = (hi - lo) / counts.length;
        for (int b = 0; b < counts.length; b++) {
            s.add(lo + (b + 0.5) * width, counts[b]);
        }
        XYSeriesCollection data = new XYSeriesCollection(s);
        data.setIntervalWidth(width);
        JFreeChart chart = ChartFactory.createXYBarChart(title, xLabel, false, yLabel, data, PlotOrientation.VERTICAL,
                false, false, false);
        return ReportCharts.style(chart);
    }

    private static XYSeries series(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i]);
        }
        return s;
    }
}
