package dev.lantern.app.lab;

import dev.lantern.analysis.circuits.Concept;
import dev.lantern.analysis.circuits.ProbeScore;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The what-when-where heatmap: one row per (concept, site), one column per probed snapshot (oldest left), each cell
 * the held-out probe score ({@link ProbeScore#score}: R^2 for a quantity, clamped to [0, 1] for the colour; balanced
 * accuracy for a class, drawn from its chance level to 1), white = nothing decoded, dark green = decoded exactly,
 * hatched grey = undefined. The newest score and its shuffled-labels control are written at the right. FX thread only.
 */
final class ProbePanel extends Region {

    private static final Color DECODED = Color.web("#1b7837");
    private static final double LABEL = 170;
    private static final double NUMBERS = 120;
    private final Canvas canvas = new Canvas();
    private ProbeHistory history = ProbeHistory.EMPTY;

    ProbePanel() {
        getChildren().add(canvas);
        setMinSize(200, 120);
        setPrefSize(420, 300);
        setId("probes");
    }

    /** Shows {@code h}. */
    void show(ProbeHistory h) {
        if (h != history) {
            history = h;
            redraw();
        }
    }

    /** The history drawn. */
    ProbeHistory history() {
        return history;
    }

    /** Where {@code p} sits on the colour scale, in [0, 1]; NaN when undefined. */
    static double level(ProbeScore p) {
        if (!p.defined() || Double.isNaN(p.score())) {
            return Double.NaN;
        }
        if (p.kind() == Concept.Kind.QUANTITY) {
            return Math.max(0, Math.min(1, p.score()));
        }
        double chance = p.chance();
        return chance >= 1 ? 0 : Math.max(0, Math.min(1, (p.score() - chance) / (1 - chance)));
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw();
        }
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.web("#1f2933"));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("Concept probes: held-out R² / balanced accuracy, over snapshots →", 4, 9);
        List<String> rows = history.rows();
        if (rows.isEmpty()) {
            g.fillText("no probe yet", 4, 30);
            return;
        }
        int cols = history.columns().size();
        double top = 20;
        double rowH = Math.min(18, (h - top - 16) / rows.size());
        double cellW = Math.max(1, (w - LABEL - NUMBERS) / ProbeHistory.MAX_COLUMNS);
        for (int r = 0; r < rows.size(); r++) {
            double y = top + r * rowH;
            g.setFill(Color.web("#38424c"));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(rows.get(r), LABEL - 6, y + rowH / 2);
            for (int c = 0; c < cols; c++) {
                double level = level(history.columns().get(c).get(r));
                g.setFill(Double.isNaN(level) ? Color.web("#d9dde2") : Color.WHITE.interpolate(DECODED, level));
                g.fillRect(LABEL + c * cellW, y + 1, Math.ceil(cellW), rowH - 2);
            }
            ProbeScore last = history.latest().get(r);
            g.setFill(Color.web("#38424c"));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(last.defined() ? String.format(Locale.ROOT, "%.2f (shuf. %.2f)", last.score(), last.shuffled())
                    : "undefined", LABEL + ProbeHistory.MAX_COLUMNS * cellW + 6, y + rowH / 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.web("#6b7783"));
        double y = top + rows.size() * rowH + 8;
        g.fillText(String.format(Locale.ROOT, "%,d steps", history.envSteps().get(0)), LABEL, y);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format(Locale.ROOT, "%,d steps", history.envSteps().get(cols - 1)),
                LABEL + cols * cellW, y);
    }
}
