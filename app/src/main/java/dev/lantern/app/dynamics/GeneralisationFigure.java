package dev.lantern.app.dynamics;

import dev.lantern.app.analyze.ReportCharts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The generalisation figure: greedy success (top) and normalized return (bottom) on the training levels (solid) and
 * the held-out test levels (dashed) over env steps, one colour a run.
 */
final class GeneralisationFigure {

    private static final Color[] COLOURS = {new Color(0x3b6ea5), new Color(0xc0392b), new Color(0x2e9e44),
        new Color(0x8e44ad), new Color(0xd68910)};
    private static final BasicStroke SOLID = new BasicStroke(1.8f);
    private static final BasicStroke DASHED = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1,
            new float[] {6, 4}, 0);

    private GeneralisationFigure() {
    }

    static JFreeChart chart(List<GeneralisationSection.Curves> runs) {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("env steps"));
        combined.setGap(10);
        combined.add(panel(runs, true), 1);
        combined.add(panel(runs, false), 1);
        GeneralisationSection.Curves first = runs.get(0);
        JFreeChart chart = new JFreeChart("Generalisation: " + first.trainLevels() + " training levels (solid) vs "
                + first.testLevels() + " held-out levels (dashed), greedy policy",
                new Font(Font.SANS_SERIF, Font.BOLD, 13), combined, true);
        return ReportCharts.styleStacked(chart, combined);
    }

    private static XYPlot panel(List<GeneralisationSection.Curves> runs, boolean success) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        int k = 0;
        for (int i = 0; i < runs.size(); i++) {
            GeneralisationSection.Curves c = runs.get(i);
            for (boolean train : new boolean[] {true, false}) {
                double[] v = success ? (train ? c.trainSuccess() : c.testSuccess())
                        : (train ? c.trainNormalized() : c.testNormalized());
                XYSeries s = new XYSeries(c.run() + (train ? " train" : " test"), false, true);
                for (int j = 0; j < v.length; j++) {
                    if (Double.isFinite(v[j])) {
                        s.add(c.steps()[j], v[j]);
                    }
                }
                data.addSeries(s);
                r.setSeriesPaint(k, COLOURS[i % COLOURS.length]);
                r.setSeriesStroke(k, train ? SOLID : DASHED);
                r.setSeriesVisibleInLegend(k, success); // one legend for both panels
                k++;
            }
        }
        NumberAxis y = new NumberAxis(success ? "success (share of levels solved)"
                : "normalized return (return / optimum)");
        y.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        if (success) {
            y.setRange(-0.02, 1.02);
        } else {
            y.setAutoRangeIncludesZero(true);
        }
        return new XYPlot(data, null, y, r);
    }
}
