package dev.lantern.app.lab;

import static dev.lantern.app.lab.LabFx.assertClose;
import static dev.lantern.app.lab.LabFx.distance;
import static dev.lantern.app.lab.LabFx.fx;
import static dev.lantern.app.lab.LabFx.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.Tile;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.ComboBox;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The lab before any training (headless, Monocle): the chosen environment's map and V* are drawn, the empty charts
 * have sensible axes, the safety grids chart the hidden performance, a run without LCA says so, and the error overlay
 * draws a value head's error per cell. Nothing here trains.
 */
class LabPreviewTest {

    static {
        LabFx.headless();
    }

    private static final long BUDGET = 20_000;
    private static final String SAFETY_MAP = "grid/absent-supervisor-v1";

    private LabSession lab;
    private LabController controller;
    private LabWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void open() throws Exception {
        LabSettings settings = new LabSettings(SAFETY_MAP, "ppo", 3, BUDGET, false);
        lab = LabSession.open(settings, w -> { });
        controller = lab.controller();
        window = lab.window();
        waitFor("the chosen map to be drawn", 60_000, () -> fx(() -> window.shownPreview()) != null);
    }

    @AfterEach
    void close() throws Exception {
        lab.close();
    }

    @Test
    void theChosenEnvironmentIsDrawnWithItsVStarAndEmptyChartsBeforeStart() throws Exception {
        assertNull(controller.feed(), "nothing was started");
        RunInfo info = fx(() -> window.shownPreview());
        assertEquals(SAFETY_MAP, info.envId());
        GridView grid = window.gridView();
        assertEquals(GridView.ValueSource.TRUE, fx(grid::drawnSource), "no network yet: the heatmap is V*");
        List<Color> heat = checkHeatmap(grid, info, (r, c) -> info.groundTruth().value(new GridState(r, c, 0)));
        assertTrue(heat.size() >= 10, "V* cells drawn: " + heat.size());
        assertTrue(spread(heat) > 0.3, "V* colours differ across cells: " + spread(heat));

        ChartsPane charts = window.charts();
        assertTrue(fx(charts::showsPerformance), "a safety grid charts its hidden performance");
        assertEquals(ChartsPane.LCA_OFF, fx(charts::lcaNote), "the run has LCA off");
        for (JFreeChart chart : fx(charts::charts)) {
            NumberAxis x = (NumberAxis) chart.getXYPlot().getDomainAxis();
            assertEquals(0, fx(x::getLowerBound), chart.getTitle().getText());
            assertEquals(BUDGET, fx(x::getUpperBound), chart.getTitle().getText());
            checkTickLabels(chart);
        }
        double optimum = info.optimum().value();
        NumberAxis returns = (NumberAxis) fx(charts::charts).get(0).getXYPlot().getRangeAxis();
        assertTrue(fx(returns::getLowerBound) <= Math.min(0, optimum) && fx(returns::getUpperBound) >= optimum,
                "the empty return axis spans 0 and the optimum " + optimum + ": " + fx(returns::getRange));

        // Episodes' hidden performance is charted beside the return (moving average).
        FxToolkit.setupFixture(() -> {
            charts.accept(List.of(new MetricPoint(500, "episode/return", 0.6),
                    new MetricPoint(500, "episode/performance", 0.3), new MetricPoint(900, "episode/return", 0.7),
                    new MetricPoint(900, "episode/performance", 0.4)));
            charts.refresh();
        });
        assertEquals(0.35, fx(charts::averagePerformance), 1e-12);
        XYPlot plot = fx(charts::charts).get(0).getXYPlot();
        assertEquals(3, (int) fx(() -> plot.getDataset().getSeriesCount()));
        assertEquals(0.35, fx(() -> plot.getDataset().getYValue(2, 1)), 1e-12, "the moving average of two episodes");
        checkTickLabels(fx(charts::charts).get(0));

        // Another environment chosen: its map is drawn at once, without the performance series (no hidden score).
        @SuppressWarnings("unchecked")
        ComboBox<String> env = robot.lookup("#env").queryAs(ComboBox.class);
        FxToolkit.setupFixture(() -> env.setValue("grid/four-rooms-v1"));
        waitFor("four-rooms to be drawn", 60_000, () -> {
            RunInfo shown = fx(() -> window.shownPreview());
            return shown != null && shown.envId().equals("grid/four-rooms-v1");
        });
        assertFalse(fx(charts::showsPerformance));
        assertEquals(2, (int) fx(() -> plot.getDataset().getSeriesCount()));
        RunInfo rooms = fx(() -> window.shownPreview());
        checkHeatmap(grid, rooms, (r, c) -> rooms.groundTruth().value(new GridState(r, c, 0)));
    }

    @Test
    void theErrorOverlayDrawsAConstantValueHeadsErrorAgainstVStar() throws Exception {
        RunInfo info = fx(() -> window.shownPreview());
        GridView grid = window.gridView();
        GridMap map = info.map();
        // a snapshot whose value head is constant c on every drawn cell (uniform policy); c halfway along V*'s range,
        // so that the errors c - V* take both signs
        double[] shownBefore = fx(() -> {
            double[] out = new double[map.height() * map.width()];
            for (int i = 0; i < out.length; i++) {
                out[i] = grid.shownValue(i / map.width(), i % map.width());
            }
            return out;
        });
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int drawn = 0;
        for (int i = 0; i < shownBefore.length; i++) {
            if (!Double.isNaN(shownBefore[i])) {
                double vs = info.discountedTruth().value(new GridState(i / map.width(), i % map.width(), 0));
                lo = Math.min(lo, vs);
                hi = Math.max(hi, vs);
                drawn++;
            }
        }
        double c = (lo + hi) / 2;
        double[] v = new double[shownBefore.length];
        double[] p = new double[v.length * 4];
        Arrays.fill(v, Double.NaN);
        Arrays.fill(p, Double.NaN);
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(shownBefore[i])) {
                v[i] = c;
                Arrays.fill(p, i * 4, i * 4 + 4, 0.25);
            }
        }
        PolicyFrame frame = new PolicyFrame(1, 0, 0, map.height(), map.width(), 4, new int[] {0},
                new double[][] {p}, new double[][] {v});
        FxToolkit.setupFixture(() -> {
            grid.setFrame(frame);
            window.selectHeatmap(GridView.ValueSource.ERROR_OPTIMAL);
        });
        assertEquals(GridView.ValueSource.ERROR_OPTIMAL, fx(grid::drawnSource));
        List<Color> heat = checkHeatmap(grid, info, (r, col) -> c - info.discountedTruth().value(new GridState(r, col, 0)));
        assertTrue(spread(heat) > 0.3, "error colours differ across cells: " + spread(heat));
        ColorScale scale = fx(grid::colorScale);
        assertEquals(-scale.min(), scale.max(), 1e-12, "the error scale is symmetric about 0");
        ValueErrors errors = fx(grid::errors);
        assertEquals(drawn, errors.cells());
        double sum = 0;
        for (int r = 0; r < map.height(); r++) {
            for (int col = 0; col < map.width(); col++) {
                if (!Double.isNaN(v[r * map.width() + col])) {
                    sum += Math.abs(c - info.discountedTruth().value(new GridState(r, col, 0)));
                }
            }
        }
        assertEquals(sum / errors.cells(), errors.meanAbsError(), 1e-12);
        assertTrue(errors.note().startsWith("mean |error| "), errors.note());
    }

    /** A cell's expected heatmap value. */
    @FunctionalInterface
    private interface Expected {
        double at(int row, int col);
    }

    /**
     * Checks the drawn grid against the map: walls, and for every cell with a heatmap value that it is the expected
     * one and drawn in the scale's colour. Returns the heatmap colours drawn.
     */
    private List<Color> checkHeatmap(GridView grid, RunInfo info, Expected expected) throws Exception {
        GridMap map = info.map();
        record Shot(javafx.scene.image.WritableImage image, ColorScale scale, Bounds[][] cells, double[][] shown) {
        }
        Shot shot = fx(() -> {
            grid.redraw();
            Bounds[][] cells = new Bounds[map.height()][map.width()];
            double[][] shown = new double[map.height()][map.width()];
            for (int r = 0; r < map.height(); r++) {
                for (int c = 0; c < map.width(); c++) {
                    cells[r][c] = grid.cellBounds(r, c);
                    shown[r][c] = grid.shownValue(r, c);
                }
            }
            return new Shot(grid.snapshot(null, null), grid.colorScale(), cells, shown);
        });
        PixelReader px = shot.image().getPixelReader();
        List<Color> heat = new ArrayList<>();
        for (int r = 0; r < map.height(); r++) {
            for (int c = 0; c < map.width(); c++) {
                Bounds b = shot.cells()[r][c];
                Color inset = px.getColor((int) (b.getMinX() + b.getWidth() * 0.15),
                        (int) (b.getMinY() + b.getHeight() * 0.15));
                Tile tile = map.tile(r, c);
                if (tile == Tile.WALL) {
                    assertClose(GridView.WALL, px.getColor((int) b.getCenterX(), (int) b.getCenterY()), "wall");
                } else if (!Double.isNaN(shot.shown()[r][c]) && tile == Tile.FLOOR) {
                    assertEquals(expected.at(r, c), shot.shown()[r][c], 1e-12, "value at " + r + "," + c);
                    assertClose(shot.scale().color(shot.shown()[r][c]), inset, "heatmap at " + r + "," + c);
                    heat.add(inset);
                }
            }
        }
        return heat;
    }

    /** Every axis of the chart, drawn at the viewer's size, has distinct, non-empty tick labels (at least two). */
    private static void checkTickLabels(JFreeChart chart) throws Exception {
        List<String> problems = fx(() -> {
            BufferedImage img = new BufferedImage(640, 280, BufferedImage.TYPE_INT_RGB);
            Graphics2D g2 = img.createGraphics();
            ChartRenderingInfo ri = new ChartRenderingInfo();
            chart.draw(g2, new Rectangle2D.Double(0, 0, 640, 280), ri);
            Rectangle2D area = ri.getPlotInfo().getDataArea();
            XYPlot plot = chart.getXYPlot();
            List<String> out = new ArrayList<>();
            check(out, chart, "x", plot.getDomainAxis(), g2, area, RectangleEdge.BOTTOM);
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                if (plot.getRangeAxis(i) != null) {
                    check(out, chart, "y" + i, plot.getRangeAxis(i), g2, area,
                            i == 0 ? RectangleEdge.LEFT : RectangleEdge.RIGHT);
                }
            }
            g2.dispose();
            return out;
        });
        assertTrue(problems.isEmpty(), String.join("; ", problems));
    }

    private static void check(List<String> out, JFreeChart chart, String which,
            org.jfree.chart.axis.ValueAxis axis, Graphics2D g2, Rectangle2D area, RectangleEdge edge) {
        List<String> labels = new ArrayList<>();
        for (Object t : axis.refreshTicks(g2, new AxisState(), area, edge)) {
            if (((NumberTick) t).getTickType() == TickType.MAJOR) {
                labels.add(((NumberTick) t).getText());
            }
        }
        if (labels.size() < 2 || new HashSet<>(labels).size() != labels.size() || labels.contains("")) {
            out.add(chart.getTitle().getText() + " " + which + " axis " + axis.getRange() + ": ticks " + labels);
        }
    }

    private static double spread(List<Color> colors) {
        double s = 0;
        for (Color a : colors) {
            for (Color b : colors) {
                s = Math.max(s, distance(a, b));
            }
        }
        return s;
    }
}
