package dev.lantern.app.dynamics;

import dev.lantern.analysis.dynamics.CkaMatrix;
import dev.lantern.analysis.dynamics.CkaValue;
import dev.lantern.app.analyze.ReportCharts;
import dev.lantern.app.dynamics.CkaHeatmap.Estimator;
import dev.lantern.app.dynamics.CkaHeatmap.Panel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The CKA section's figures: checkpoint x checkpoint heatmaps, CKA to the final checkpoint, site x site across runs. */
final class CkaFigures {

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)
    };

    private CkaFigures() {
    }

    /** One run: for each site, its checkpoint x checkpoint linear CKA (top row) and debiased CKA (bottom row). */
    static BufferedImage checkpoints(String run, List<String> sites, List<CkaMatrix> matrices, List<Long> steps,
            double selfError) {
        List<String> labels = steps.stream().map(CkaFigures::steps).toList();
        List<Panel> panels = new ArrayList<>();
        for (Estimator e : Estimator.values()) {
            for (int s = 0; s < sites.size(); s++) {
                panels.add(new Panel(sites.get(s) + (e == Estimator.LINEAR ? ", linear" : ", debiased"),
                        matrices.get(s), e, labels, labels, "checkpoint (env steps)", "checkpoint (env steps)"));
            }
        }
        return CkaHeatmap.render(String.format(Locale.ROOT, "CKA of each site between checkpoints of %s "
                + "(X,X self-check error %.1e)", run, selfError), panels, sites.size());
    }

    /** Two runs at a common checkpoint: every site of one against every site of the other, linear and debiased. */
    static BufferedImage runs(String a, String b, long step, CkaMatrix m, List<String> rows, List<String> cols) {
        List<Panel> panels = new ArrayList<>();
        for (Estimator e : Estimator.values()) {
            panels.add(new Panel(e == Estimator.LINEAR ? "linear CKA" : "debiased CKA", m, e, rows, cols,
                    "site of " + a, "site of " + b));
        }
        return CkaHeatmap.render(String.format(Locale.ROOT, "CKA between the sites of %s and %s at step %,d", a, b,
                step), panels, 2);
    }

    /** One run: each site's CKA to itself at the final checkpoint over training (solid linear, dashed debiased). */
    static JFreeChart toFinal(String run, List<String> sites, List<CkaMatrix> matrices, List<Long> steps) {
        XYSeriesCollection data = new XYSeriesCollection();
        int last = steps.size() - 1;
        for (int s = 0; s < sites.size(); s++) {
            XYSeries lin = new XYSeries(sites.get(s) + " linear");
            XYSeries deb = new XYSeries(sites.get(s) + " debiased");
            for (int t = 0; t <= last; t++) {
                add(lin, steps.get(t), matrices.get(s).linear(t, last));
                add(deb, steps.get(t), matrices.get(s).debiased(t, last));
            }
            data.addSeries(lin);
            data.addSeries(deb);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("CKA of each site to itself at the final checkpoint ("
                + steps(steps.get(last)) + "), " + run, "checkpoint (env steps)", "CKA to final", data,
                PlotOrientation.VERTICAL, true, false, false);
        ReportCharts.style(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < sites.size(); s++) {
            Color c = PALETTE[s % PALETTE.length];
            r.setSeriesPaint(2 * s, c);
            r.setSeriesPaint(2 * s + 1, c);
            r.setSeriesStroke(2 * s, new BasicStroke(2f));
            r.setSeriesStroke(2 * s + 1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
        plot.setRenderer(r);
        double low = Math.min(0, plot.getRangeAxis().getLowerBound());
        plot.getRangeAxis().setRange(low, 1.05);
        return chart;
    }

    private static void add(XYSeries series, long step, CkaValue v) {
        if (v.defined()) {
            series.add(step, v.value());
        }
    }

    /** Env steps, short: {@code 950}, {@code 8.2k}, {@code 81k}. */
    static String steps(long envSteps) {
        if (envSteps < 1000) {
            return Long.toString(envSteps);
        }
        return envSteps < 10_000 ? String.format(Locale.ROOT, "%.1fk", envSteps / 1000.0)
                : Math.round(envSteps / 1000.0) + "k";
    }
}
