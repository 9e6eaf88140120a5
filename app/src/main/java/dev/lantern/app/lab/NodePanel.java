package dev.lantern.app.lab;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The side panel of {@link SearchTreeView} for the selected node: its position (drawn by {@link TreePositions}), its
 * visits, share, Q, prior and subtree, a chart of its children's priors against their share of its visits, and the
 * network's value beside the search's where there is a network, and the exact value where the game is solved, and
 * the network's circuit at the position ({@link CircuitStrip}) where {@link TreePositions#circuits()} gives one. FX
 * thread only.
 *
 * @param <S> the state type
 */
final class NodePanel<S> extends VBox {

    static final Color PRIOR = Color.web("#9e9e9e");
    static final Color VISITS = Color.web("#4575b4");
    private static final double CHART_W = 300;
    private static final double CHART_H = 180;

    private final TreeLayout<S> layout;
    private final TreePositions<S> positions;
    private final Label title = new Label("click a node");
    private final StackPane board = new StackPane();
    private final Label stats = new Label();
    private final Label values = new Label();
    private final Canvas chart = new Canvas(CHART_W, CHART_H);
    private final CircuitStrip circuit = new CircuitStrip();
    private int shown = -1;

    NodePanel(TreeLayout<S> layout, TreePositions<S> positions) {
        this.layout = layout;
        this.positions = positions;
        setSpacing(8);
        setPadding(new Insets(10));
        setPrefWidth(CHART_W + 20);
        setMinWidth(CHART_W + 20);
        title.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 13));
        title.setWrapText(true);
        stats.setFont(Font.font("Monospaced", 12));
        values.setFont(Font.font("Monospaced", 12));
        values.setWrapText(true);
        board.setMinHeight(60);
        getChildren().addAll(title, board, stats, chart, values, circuit);
    }

    /** The node shown, or -1. */
    int shown() {
        return shown;
    }

    /** The text of the statistics (for tests). */
    String statsText() {
        return stats.getText() + "\n" + values.getText();
    }

    /** Shows node {@code i}. */
    void show(int i) {
        shown = i;
        title.setText(i == 0 ? "root" : "node " + i + ": " + pathOf(i));
        S state = layout.state(i);
        board.getChildren().setAll(state == null ? new Label(layout.visits(i) == 0 ? "never visited: no position"
                : "no position attached") : positions.board().apply(state));
        int p = layout.parent(i);
        double share = p < 0 ? 1 : layout.visits(i) / (double) Math.max(1, layout.visits(p));
        stats.setText(String.format(Locale.ROOT, "visits %,d (%.1f%% of parent)%nQ      %s%nprior  %.3f%n"
                + "depth  %d, children %d, visible leaves %d", layout.visits(i), 100 * share, signed(layout.q(i)),
                layout.prior(i), layout.depth(i), layout.childCount(i), layout.leafCount(i)));
        String net = positions.networkValue() == null || state == null ? "network value: no network here"
                : "network value " + signed(positions.networkValue().applyAsDouble(state))
                        + "\nsearch value  " + signed(layout.q(i)) + " (Q, the same viewpoint)";
        if (positions.exactValue() != null && state != null) {
            net += "\nexact value   " + signed(positions.exactValue().applyAsDouble(state)) + " (solved)";
        }
        values.setText(net);
        drawChart(i);
        if (positions.circuits() == null) {
            circuit.none("no network here");
        } else if (state == null) {
            circuit.none("no position attached");
        } else {
            circuit.show(positions.circuits().at(state, mostVisitedMove(i)));
        }
    }

    /** The network circuit shown for the selected node, or null. */
    PositionCircuit circuit() {
        return circuit.shown();
    }

    /** The network circuit's printed lines (for tests). */
    String circuitText() {
        return circuit.text();
    }

    /** The action of node {@code i}'s most visited child (the lowest action in ties), or -1 without children. */
    private int mostVisitedMove(int i) {
        int best = -1;
        for (int c = layout.firstChild(i); c < layout.firstChild(i) + layout.childCount(i); c++) {
            if (best < 0 || layout.visits(c) > layout.visits(best)) {
                best = c;
            }
        }
        return best < 0 ? -1 : layout.action(best);
    }

    private String pathOf(int i) {
        StringBuilder s = new StringBuilder();
        for (int k = i; k > 0; k = layout.parent(k)) {
            s.insert(0, " " + positions.actionLabel().apply(layout.action(k)));
        }
        return s.toString().trim();
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.3f", v + 0.0); // no -0.000
    }

    private void drawChart(int i) {
        GraphicsContext g = chart.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, CHART_W, CHART_H);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("children: prior vs share of visits", 6, 13);
        int n = layout.childCount(i);
        if (n == 0) {
            g.fillText("no children (a leaf)", 6, 40);
            return;
        }
        int childVisits = 0;
        double max = 0;
        for (int c = layout.firstChild(i); c < layout.firstChild(i) + n; c++) {
            childVisits += layout.visits(c);
            max = Math.max(max, layout.prior(c));
        }
        double total = Math.max(1, childVisits);
        for (int c = layout.firstChild(i); c < layout.firstChild(i) + n; c++) {
            max = Math.max(max, layout.visits(c) / total);
        }
        max = Math.max(max, 1e-9);
        double left = 34;
        double top = 34;
        double bottom = CHART_H - 22;
        double plotW = CHART_W - left - 8;
        double slot = plotW / n;
        double bar = Math.min(14, slot * 0.4);
        g.setFill(PRIOR);
        g.fillRect(CHART_W - 140, 20, 9, 9);
        g.setFill(VISITS);
        g.fillRect(CHART_W - 80, 20, 9, 9);
        g.setFill(Color.BLACK);
        g.fillText("prior", CHART_W - 128, 29);
        g.fillText("visits", CHART_W - 68, 29);
        g.setStroke(Color.GRAY);
        g.strokeLine(left, top, left, bottom);
        g.strokeLine(left, bottom, CHART_W - 8, bottom);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format(Locale.ROOT, "%.2f", max), left - 3, top + 4);
        g.fillText("0", left - 3, bottom + 4);
        g.setTextAlign(TextAlignment.CENTER);
        for (int k = 0; k < n; k++) {
            int c = layout.firstChild(i) + k;
            double cx = left + (k + 0.5) * slot;
            double hp = (bottom - top) * layout.prior(c) / max;
            double hv = (bottom - top) * (layout.visits(c) / total) / max;
            g.setFill(PRIOR);
            g.fillRect(cx - bar, bottom - hp, bar, hp);
            g.setFill(VISITS);
            g.fillRect(cx, bottom - hv, bar, hv);
            g.setFill(Color.BLACK);
            g.fillText(positions.actionLabel().apply(layout.action(c)), cx, bottom + 14);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }
}
