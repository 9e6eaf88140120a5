package dev.lantern.app.dynamics;

import dev.lantern.analysis.dynamics.ConnectivityMetric;
import dev.lantern.analysis.dynamics.InstabilityAnalysis;
import dev.lantern.analysis.dynamics.InstabilityRow;
import dev.lantern.analysis.dynamics.InterpolationCurve;
import dev.lantern.app.analyze.ReportCharts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The mode-connectivity figures: the interpolation curves of every pair, and the barrier against the fork step. */
final class ModeConnectivityFigures {

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private ModeConnectivityFigures() {
    }

    /** Normalised greedy return and fixed loss against alpha, one line per pair (coloured by fork step if any). */
    static void curves(DynamicsContext context, List<ModeConnectivitySection.Pair> pairs) {
        double worst = pairs.stream().mapToDouble(p -> p.curve().endpointError()).max().orElse(0);
        String check = String.format(Locale.ROOT, "endpoint self-check error %.2g", worst);
        chart(context, pairs, "lmc-return", "Greedy return along theta(alpha) = (1 - alpha) theta_A + alpha theta_B ("
                + check + ")", "greedy return / exact optimum", ConnectivityMetric.RETURN_ERROR, e -> 1 - e);
        chart(context, pairs, "lmc-loss", "Fixed loss along the linear path (" + check + ")",
                pairs.get(0).curve().qNetwork() ? "mean (Q - Q*)^2 over decision states"
                        : "cross-entropy against the optimal actions", ConnectivityMetric.LOSS, e -> e);
    }

    private static void chart(DynamicsContext context, List<ModeConnectivitySection.Pair> pairs, String name,
            String title, String yLabel, ConnectivityMetric metric, DoubleUnaryOperator shown) {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<Long, Paint> groupPaint = new LinkedHashMap<>();
        List<Paint> paints = new ArrayList<>();
        boolean byGroup = pairs.size() > PALETTE.length;
        for (ModeConnectivitySection.Pair p : pairs) {
            InterpolationCurve c = p.curve();
            XYSeries s = new XYSeries(p.label() + " @ " + p.step(), false, true);
            double[] v = c.values(metric);
            for (int i = 0; i < v.length; i++) {
                s.add(c.alphas()[i], shown.applyAsDouble(v[i]));
            }
            data.addSeries(s);
            Long key = p.forkStep() == null ? -1L : p.forkStep();
            Paint paint = byGroup ? groupPaint.computeIfAbsent(key, k -> PALETTE[groupPaint.size() % PALETTE.length])
                    : PALETTE[paints.size() % PALETTE.length];
            paints.add(paint);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "alpha (0 = run A, 1 = run B)", yLabel, data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < paints.size(); i++) {
            r.setSeriesPaint(i, paints.get(i));
            r.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        plot.setRenderer(r);
        if (byGroup) {
            LegendItemCollection legend = new LegendItemCollection();
            groupPaint.forEach((k, paint) -> legend.add(new LegendItem(k < 0 ? "runs (not fork children)"
                    : String.format(Locale.ROOT, "children forked at %,d", k), "", "", "", new Rectangle(10, 10),
                    paint)));
            plot.setFixedLegendItems(legend);
        }
        context.figures().chart(name, ReportCharts.style(chart), 860, 480);
    }

    /** The mean normalised-return barrier against the fork step, with its bootstrap CI and the 2% line. */
    static void barrierVsStep(DynamicsContext context, List<InstabilityRow> rows) {
        XYIntervalSeries s = new XYIntervalSeries("mean barrier over child pairs, 95% bootstrap CI");
        for (InstabilityRow r : rows) {
            s.add(r.atStep(), r.atStep(), r.atStep(), r.mean(), r.interval().low(), r.interval().high());
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(s);
        String first = InstabilityAnalysis.firstStable(rows).stream().mapToObj(k -> String.format(Locale.ROOT,
                "first stable k = %,d", k)).findFirst().orElse("no stable k");
        JFreeChart chart = ChartFactory.createXYLineChart("Instability: return barrier between children forked at k ("
                + first + ")", "fork step k (env steps)", "barrier of 1 - return / optimum", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(true);
        r.setSeriesPaint(0, PALETTE[0]);
        r.setErrorPaint(PALETTE[0]);
        r.setCapLength(8);
        plot.setRenderer(r);
        ValueMarker line = new ValueMarker(InstabilityAnalysis.STABLE_BARRIER, PALETTE[3], new BasicStroke(1.2f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
        line.setLabel("stable below 0.02 (Frankle et al.)");
        line.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        line.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(line);
        double low = Math.min(0, rows.stream().mapToDouble(x -> x.interval().low()).min().orElse(0));
        double high = rows.stream().mapToDouble(x -> x.interval().high()).max().orElse(0);
        plot.getDomainAxis().setLowerMargin(0.04);
        plot.getDomainAxis().setUpperMargin(0.04);
        plot.getRangeAxis().setRange(low, Math.max(2.5 * InstabilityAnalysis.STABLE_BARRIER, 1.1 * high));
        context.figures().chart("instability", ReportCharts.style(chart), 860, 480);
    }
}
