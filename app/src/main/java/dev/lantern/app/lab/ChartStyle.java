package dev.lantern.app.lab;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.text.DecimalFormat;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;

/** How the lab's charts look: one line chart style (white, light grid, the palette), axis fonts, the FX viewer. */
final class ChartStyle {

    /** Series colours, in order. */
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e),
        new Color(0x8c564b)
    };

    private ChartStyle() {
    }

    /** A line chart of {@code data} over environment steps, styled. */
    static JFreeChart chart(String title, String yLabel, XYSeriesCollection data) {
        JFreeChart c = ChartFactory.createXYLineChart(title, "environment steps", yLabel, data,
                PlotOrientation.VERTICAL, true, false, false);
        c.setBackgroundPaint(Color.WHITE);
        c.setAntiAlias(true);
        c.setPadding(new RectangleInsets(2, 2, 2, 16)); // room for the last x tick label (the budget) at the right edge
        c.setTitle(new TextTitle(title, new Font("SansSerif", Font.BOLD, 14)));
        c.getLegend().setItemFont(new Font("SansSerif", Font.PLAIN, 11));
        c.getLegend().setPosition(RectangleEdge.TOP);
        c.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        XYPlot plot = c.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xe0e0e0));
        plot.setRangeGridlinePaint(new Color(0xe0e0e0));
        plot.setOutlineVisible(false);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // whole steps: no "0 0 0 1 1" on a short range
        x.setNumberFormatOverride(new DecimalFormat("#,##0"));
        styleAxis(x);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(false);
        styleAxis(y);
        XYLineAndShapeRenderer r = renderer(true, false);
        for (int i = 0; i < PALETTE.length; i++) {
            r.setSeriesPaint(i, PALETTE[i]);
            r.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        plot.setRenderer(r);
        return c;
    }

    /**
     * The lab's line and shape renderer: each series' line drawn as ONE path (not a segment per pair of points), and no
     * entity per item (the lab's charts have no tooltips or item clicks; JFreeChart makes one for every point at every
     * redraw otherwise). A 2,000-point series is one stroke for JavaFX's rasterizer instead of 2,000 and the redraw makes
     * no per-point objects; {@code lantern bench lab} showed no change in the renderer's share (0.32-0.35 of a core
     * before and after: its cost is the grid's repaint, not the charts').
     */
    static XYLineAndShapeRenderer renderer(boolean lines, boolean shapes) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(lines, shapes) {
            @Override
            protected void addEntity(EntityCollection entities, Shape hotspot, XYDataset dataset, int series, int item,
                    double entityX, double entityY) {
                // none: nothing reads them
            }
        };
        r.setDrawSeriesLineAsPath(true);
        return r;
    }

    /** The lab's axis fonts. */
    static void styleAxis(NumberAxis axis) {
        axis.setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
        axis.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 11));
    }

    /** An FX viewer of {@code chart} with node id {@code id}, growing with its box. */
    static ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer v = new ChartViewer(chart, false);
        v.setId(id);
        v.getStyleClass().add("chart");
        v.setMinSize(200, 150);
        v.setPrefSize(640, 280);
        VBox.setVgrow(v, Priority.ALWAYS);
        return v;
    }

    /**
     * Replaces {@code old} (a subtitle of {@code chart}, or null) by a grey note saying {@code text}; removes it for
     * null text. Returns the new note, or null.
     */
    static TextTitle replaceNote(JFreeChart chart, TextTitle old, String text) {
        if (old != null) {
            chart.removeSubtitle(old);
        }
        if (text == null) {
            return null;
        }
        TextTitle note = new TextTitle(text, new Font("SansSerif", Font.PLAIN, 11));
        note.setPaint(new Color(0x868e96));
        chart.addSubtitle(note);
        return note;
    }

    /** The dashed green line of the optimal return at {@code value}, labelled {@code label}. */
    static ValueMarker optimumMarker(double value, String label) {
        ValueMarker m = new ValueMarker(value, new Color(0x2f9e44), new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
        m.setLabelPaint(new Color(0x2f9e44));
        m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        return m;
    }
}
