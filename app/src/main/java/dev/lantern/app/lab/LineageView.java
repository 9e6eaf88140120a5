package dev.lantern.app.lab;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The fork lineage drawn as a tree ({@link Lineage}): x = environment steps (a shared axis at the bottom), one row per
 * run with its name and seed at the left, its line from its start to its last step, a child's line branching off its
 * parent's at the fork step (a dot there), and the children of one fork as a bracket at the right with their mean barrier (and the pairs and the largest, for more than two). Clicking a row
 * selects its run. FX thread only.
 */
final class LineageView extends CanvasRegion {

    static final Color LINE = Color.web("#495057");
    static final Color SELECTED = Color.web("#d6336c");
    static final Color BARRIER = Color.web("#5f3dc4");
    static final double LEFT = 150;
    static final double RIGHT = 110;
    static final double TOP = 26;
    static final double ROW = 26;
    static final double AXIS = 28;

    private Lineage lineage = new Lineage(List.of(), List.of());
    private long maxStep = 1;
    private OpenedRun selected;
    private Consumer<OpenedRun> onSelect = r -> { };

    LineageView() {
        getStyleClass().add("lineage-view");
        setMinSize(200, 120);
        setPrefSize(600, 200);
        canvas.setOnMouseClicked(e -> {
            int row = (int) Math.round((e.getY() - TOP) / ROW);
            if (row >= 0 && row < lineage.nodes().size()) {
                onSelect.accept(lineage.nodes().get(row).run());
            }
        });
    }

    /** Shows {@code l}. */
    void setLineage(Lineage l) {
        lineage = l;
        maxStep = Math.max(1, l.nodes().stream().mapToLong(Lineage.Node::end).max().orElse(1));
        redraw();
    }

    /** The tree drawn. */
    Lineage lineage() {
        return lineage;
    }

    /** Marks {@code run}'s line as selected (null: none). */
    void setSelected(OpenedRun run) {
        selected = run;
        redraw();
    }

    /** Called with the run whose row is clicked. */
    void setOnSelect(Consumer<OpenedRun> c) {
        onSelect = c;
    }

    /** The canvas x of env step {@code step}. */
    double xOf(long step) {
        double w = Math.max(LEFT + RIGHT + 10, canvas.getWidth());
        return LEFT + (w - LEFT - RIGHT) * step / (double) maxStep;
    }

    /** The canvas y of row {@code row}'s line. */
    double yOf(int row) {
        return TOP + row * ROW;
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared(Color.WHITE);
        double h = canvas.getHeight();
        g.setFill(Color.web("#333333"));
        g.setFont(Font.font("SansSerif", FontWeight.BOLD, 12));
        g.setTextBaseline(VPos.CENTER);
        g.fillText("Fork lineage (x = environment steps; children branch off at their fork step)", 6, 10);
        if (lineage.nodes().isEmpty()) {
            g.setFont(Font.font(11));
            g.setFill(Color.web("#868e96"));
            g.fillText("Open runs to draw their lineage", LEFT, h / 2);
            return;
        }
        for (Lineage.Node n : lineage.nodes()) {
            boolean sel = n.run() == selected;
            Color c = sel ? SELECTED : LINE;
            double y = yOf(n.row());
            g.setStroke(c);
            g.setLineWidth(sel ? 3.5 : 2);
            if (n.parentRow() >= 0) {
                g.strokeLine(xOf(n.start()), yOf(n.parentRow()), xOf(n.start()), y);
                g.setFill(c);
                g.fillOval(xOf(n.start()) - 4, yOf(n.parentRow()) - 4, 8, 8);
            }
            g.strokeLine(xOf(n.start()), y, xOf(n.end()), y);
            g.setFill(c);
            g.setFont(Font.font("SansSerif", sel ? FontWeight.BOLD : FontWeight.NORMAL, 11));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(n.run().label() + "  (seed " + n.run().seed() + ")", LEFT - 8, y);
            g.setTextAlign(TextAlignment.LEFT);
            if (n.run().fork() != null) {
                g.setFill(Color.web("#868e96"));
                g.setFont(Font.font(10));
                g.fillText(String.format(Locale.ROOT, "fork @ %,d", n.start()), xOf(n.start()) + 6, y - 8);
            }
        }
        // One bracket per fork: the children of one fork step (6 pairs for 4 children) by their mean barrier.
        java.util.Map<Long, List<Lineage.Barrier>> byFork = new java.util.TreeMap<>();
        for (Lineage.Barrier b : lineage.barriers()) {
            byFork.computeIfAbsent(lineage.nodes().get(b.rowA()).start(), s -> new java.util.ArrayList<>()).add(b);
        }
        for (List<Lineage.Barrier> group : byFork.values()) {
            int top = group.stream().mapToInt(b -> Math.min(b.rowA(), b.rowB())).min().orElseThrow();
            int bottom = group.stream().mapToInt(b -> Math.max(b.rowA(), b.rowB())).max().orElseThrow();
            double mean = group.stream().mapToDouble(Lineage.Barrier::value).average().orElseThrow();
            double max = group.stream().mapToDouble(Lineage.Barrier::value).max().orElseThrow();
            double x = xOf(maxStep) + 10;
            double y0 = yOf(top);
            double y1 = yOf(bottom);
            g.setStroke(BARRIER);
            g.setLineWidth(1.5);
            g.strokePolyline(new double[] {x - 4, x, x, x - 4}, new double[] {y0, y0, y1, y1}, 4);
            g.setFill(BARRIER);
            g.setFont(Font.font(10));
            g.fillText(String.format(Locale.ROOT, "barrier %.3f", mean), x + 4, (y0 + y1) / 2 - 6);
            if (group.size() > 1) {
                g.fillText(String.format(Locale.ROOT, "mean of %d pairs", group.size()), x + 4, (y0 + y1) / 2 + 6);
                g.fillText(String.format(Locale.ROOT, "max %.3f", max), x + 4, (y0 + y1) / 2 + 18);
            }
        }
        double axisY = Math.min(h - AXIS + 8, yOf(lineage.nodes().size()) + 4);
        g.setStroke(Color.web("#adb5bd"));
        g.setLineWidth(1);
        g.strokeLine(xOf(0), axisY, xOf(maxStep), axisY);
        g.setFill(Color.web("#495057"));
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i <= 4; i++) {
            long s = maxStep * i / 4;
            g.strokeLine(xOf(s), axisY, xOf(s), axisY + 4);
            g.fillText(String.format(Locale.ROOT, "%,d", s), xOf(s), axisY + 12);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }
}
