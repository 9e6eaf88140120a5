package dev.lantern.app.dynamics;

import dev.lantern.analysis.dynamics.ConceptAcquisition;
import dev.lantern.analysis.dynamics.PhaseChanges;
import dev.lantern.app.analyze.ReportCharts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The phases figure: one panel a metric on a shared env-step axis, events as vertical lines, concepts below. */
final class PhasesFigure {

    private static final Color LINE = new Color(0x3b6ea5);
    private static final Color RISE = new Color(0x2e9e44);
    private static final Color FALL = new Color(0xc0392b);

    /**
     * One panel: a metric as the detector saw it and its events.
     *
     * @param name   the metric
     * @param series its points (binned when long)
     * @param events its events
     */
    record Panel(String name, PhaseChanges.Series series, List<PhaseChanges.Event> events) {
    }

    private PhasesFigure() {
    }

    static JFreeChart chart(String run, List<Panel> panels, List<ConceptAcquisition.Concept> concepts) {
        NumberAxis steps = new NumberAxis("env steps");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(steps);
        combined.setGap(8);
        for (Panel p : panels) {
            XYSeries s = new XYSeries(p.name(), false, true);
            for (int i = 0; i < p.series().values().length; i++) {
                s.add(p.series().steps()[i], p.series().values()[i]);
            }
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, p.series().values().length <= 40);
            r.setSeriesPaint(0, LINE);
            r.setSeriesStroke(0, new BasicStroke(1.4f));
            r.setSeriesVisibleInLegend(0, false);
            NumberAxis y = new NumberAxis(p.name());
            y.setAutoRangeIncludesZero(false);
            y.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            XYPlot plot = new XYPlot(new XYSeriesCollection(s), null, y, r);
            for (PhaseChanges.Event e : p.events()) {
                ValueMarker m = new ValueMarker(e.step(), e.direction().equals("rise") ? RISE : FALL,
                        new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {5, 3}, 0));
                plot.addDomainMarker(m);
            }
            combined.add(plot, 1);
        }
        if (!concepts.isEmpty()) {
            XYSeriesCollection data = new XYSeriesCollection();
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
            for (ConceptAcquisition.Concept c : concepts) {
                XYSeries s = new XYSeries(c.concept(), false, true);
                for (int i = 0; i < c.steps().length; i++) {
                    if (Double.isFinite(c.scores()[i])) {
                        s.add(c.steps()[i], c.scores()[i]);
                    }
                }
                if (s.getItemCount() > 0) {
                    data.addSeries(s);
                }
            }
            NumberAxis y = new NumberAxis("best probe score");
            y.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            XYPlot plot = new XYPlot(data, null, y, r);
            java.util.Map<Long, List<String>> byStep = new java.util.TreeMap<>();
            for (ConceptAcquisition.Concept c : concepts) {
                if (c.acquiredAt() >= 0) {
                    byStep.computeIfAbsent(c.acquiredAt(), k -> new java.util.ArrayList<>()).add(c.concept());
                }
            }
            for (java.util.Map.Entry<Long, List<String>> e : byStep.entrySet()) {
                ValueMarker m = new ValueMarker(e.getKey(), RISE, new BasicStroke(1.2f));
                m.setLabel("acquired: " + String.join(", ", e.getValue()));
                m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
                m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
                m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                plot.addDomainMarker(m);
            }
            combined.add(plot, 1);
        }
        JFreeChart chart = new JFreeChart("Phase changes of " + run + " (dashed: a level rises (green) or falls "
                + "(red); solid: concepts acquired)", new Font(Font.SANS_SERIF, Font.BOLD, 13), combined, !concepts.isEmpty());
        return styleAll(chart, combined);
    }

    private static JFreeChart styleAll(JFreeChart chart, CombinedDomainXYPlot combined) {
        return ReportCharts.styleStacked(chart, combined);
    }
}
