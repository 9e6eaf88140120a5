package dev.lantern.app.analyze;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;

/** The report's chart look: white background, light grey grid lines (one place, so every figure matches). */
public final class ReportCharts {

    private static final Color GRID = new Color(0xdddddd);

    private ReportCharts() {
    }

    /** Styles {@code chart} in place and returns it. */
    public static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof CategoryPlot p) {
            p.setRangeGridlinePaint(GRID);
        } else if (plot instanceof XYPlot p) {
            p.setRangeGridlinePaint(GRID);
            p.setDomainGridlinePaint(GRID);
        }
        return chart;
    }

    /**
     * {@link #style} for a chart of stacked panels: every subplot of {@code combined} gets the report's white
     * background and light grid lines.
     */
    public static JFreeChart styleStacked(JFreeChart chart, org.jfree.chart.plot.CombinedDomainXYPlot combined) {
        style(chart);
        for (Object o : combined.getSubplots()) {
            XYPlot p = (XYPlot) o;
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(new Color(0xdddddd));
            p.setDomainGridlinePaint(new Color(0xdddddd));
        }
        return chart;
    }
}
