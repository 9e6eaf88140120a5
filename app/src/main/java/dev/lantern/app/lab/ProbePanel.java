package dev.lantern.app.lab;

import dev.lantern.analysis.circuits.Concept;
import dev.lantern.analysis.circuits.ProbeScore;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The what-when-where heatmap: one row per (concept, site), one column per probed snapshot (oldest left), each cell
 * the held-out probe score ({@link ProbeScore#score}: R^2 for a quantity, clamped to [0, 1] for the colour; balanced
 * accuracy for a class, drawn from its chance level to 1), white = nothing decoded, dark green = decoded exactly,
 * hatched grey = undefined. The newest score and its shuffled-labels control are written at the right. FX thread only.
 */
final class ProbePanel extends CanvasRegion {

    private static final Color DECODED = Color.web("#1b7837");
    private static final double LABEL = 108;
    private static final double NUMBERS = 82;
    private ProbeHistory history = ProbeHistory.EMPTY;

    ProbePanel() {
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

    /** "agent column @ torso.dense1" as "column · dense1" (heads: "logits", "value"). */
    static String shortLabel(String row) {
        return row.replace("agent ", "").replace(" @ ", " · ").replace("torso.", "").replace("policy.logits", "logits")
                .replace("value.out", "value");
    }

    /** A score as printed: two decimals, and anything below -1 as "<-1" (a probe worse than the mean). */
    static String score(double v) {
        return Double.isNaN(v) ? "n/a" : v < -1 ? "<-1" : String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared(Color.WHITE);
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.web("#1f2933"));
        g.fillText("Probes: held-out R² / bal. accuracy, snapshots →", 4, 9);
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
            g.fillText(shortLabel(rows.get(r)), LABEL - 6, y + rowH / 2);
            for (int c = 0; c < cols; c++) {
                double level = level(history.columns().get(c).get(r));
                g.setFill(Double.isNaN(level) ? Color.web("#d9dde2") : Color.WHITE.interpolate(DECODED, level));
                g.fillRect(LABEL + c * cellW, y + 1, Math.ceil(cellW), rowH - 2);
            }
            ProbeScore last = history.latest().get(r);
            g.setFill(Color.web("#38424c"));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(last.defined() ? String.format(Locale.ROOT, "%s (%s)", score(last.score()), score(last.shuffled()))
                    : "undefined", LABEL + ProbeHistory.MAX_COLUMNS * cellW + 6, y + rowH / 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.web("#6b7783"));
        double y = top + rows.size() * rowH + 8;
        g.fillText(String.format(Locale.ROOT, "%d snapshot%s, %,d-%,d steps; (shuffled)", cols,
                cols == 1 ? "" : "s", history.envSteps().get(0), history.envSteps().get(cols - 1)), 4, y);
    }
}
