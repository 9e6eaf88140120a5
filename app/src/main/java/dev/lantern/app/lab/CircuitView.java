package dev.lantern.app.lab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The network of the latest {@link CircuitFrame} for one state: each hidden layer a column of neurons, the heads at
 * the right with their labels; each neuron filled by its activation in the state (blue positive, red negative, white
 * zero, scaled per column by its largest |activation| over every state), and between the columns the strongest edges
 * by contribution ({@link Contributions}: those explaining {@value #SHARE} of each layer's summed |a W|, at most
 * {@value #MAX_EDGES}), thicker for larger |a W|, blue when they push the next neuron up, red when down (rasterized
 * into one image layer by {@link EdgeRaster}: far cheaper for the software renderer than hundreds of canvas lines).
 * The input is not a column: it is the grid itself (the attribution overlay draws what the output owes to each cell).
 *
 * <p>Clicking a neuron calls the selection handler with it. What the last redraw drew is kept for tests
 * ({@link #drawnNeurons}, {@link #drawnEdges}). FX thread only.
 */
public final class CircuitView extends CanvasRegion {

    /** Share of each layer's summed |contribution| the drawn edges explain. */
    public static final double SHARE = 0.8;
    /** At most this many edges are drawn into a layer. */
    public static final int MAX_EDGES = 100;
    static final Color POSITIVE = Color.web("#2166ac");
    static final Color NEGATIVE = Color.web("#b2182b");
    private static final double TOP = 46;
    private static final double LABEL_WIDTH = 185;
    private static final String[] MOVES = {"up", "down", "right", "left"};

    /**
     * A neuron as drawn.
     *
     * @param neuron its layer and index
     * @param center its centre in this view's coordinates
     * @param radius its radius in pixels
     * @param fill   its fill colour
     * @param value  the activation the fill encodes
     */
    public record DrawnNeuron(CircuitRequest.Neuron neuron, Point2D center, double radius, Color fill, double value) {
    }

    /**
     * An edge as drawn.
     *
     * @param from         the neuron read
     * @param to           the reading neuron
     * @param contribution its {@code a W}
     * @param width        its line width in pixels
     */
    public record DrawnEdge(CircuitRequest.Neuron from, CircuitRequest.Neuron to, double contribution, double width) {
    }

    private final List<DrawnNeuron> neurons = new ArrayList<>();
    private final List<DrawnEdge> edges = new ArrayList<>();
    private final List<Contributions.Kept> kept = new ArrayList<>();
    private final Deque<Long> frameTimes = new ArrayDeque<>();
    private final EdgeRaster raster = new EdgeRaster();
    private CircuitFrame frame;
    private int state = -1;
    private CircuitRequest.Neuron selected;
    private boolean ablated;
    private long lastSequence = Long.MIN_VALUE;
    private volatile long framesDrawn;
    private String message = "Start a run: its network is drawn here.";
    private Consumer<CircuitRequest.Neuron> onSelect = n -> { };

    /** An empty view. */
    public CircuitView() {
        getStyleClass().add("circuit-view");
        setMinSize(200, 200);
        setPrefSize(700, 430);
        canvas.setOnMouseClicked(e -> {
            DrawnNeuron n = neuronAt(e.getX() + canvas.getLayoutX(), e.getY() + canvas.getLayoutY());
            if (n != null) {
                onSelect.accept(n.neuron());
            }
        });
    }

    /** Called with the neuron clicked. */
    public void setOnSelect(Consumer<CircuitRequest.Neuron> handler) {
        onSelect = handler;
    }

    /**
     * Shows {@code f} for state number {@code s} (-1: none), with {@code neuron} marked as selected (null: none) and
     * crossed when {@code isAblated}; redraws.
     */
    public void show(CircuitFrame f, int s, CircuitRequest.Neuron neuron, boolean isAblated) {
        if (f != null && f.policy().sequence() != lastSequence) {
            lastSequence = f.policy().sequence();
            framesDrawn++;
            frameTimes.addLast(System.nanoTime());
            while (frameTimes.size() > 400) {
                frameTimes.removeFirst();
            }
        }
        frame = f;
        state = s;
        selected = neuron;
        ablated = isAblated;
        redraw();
    }

    /** Shows a message instead of a network. */
    public void showMessage(String text) {
        frame = null;
        message = text;
        redraw();
    }

    /** Distinct snapshots drawn so far (frames with new data, not redraws). */
    public long framesDrawn() {
        return framesDrawn;
    }

    /** Distinct snapshots drawn per second over the last two seconds. */
    public double framesPerSecond() {
        long now = System.nanoTime();
        return frameTimes.stream().filter(t -> now - t <= 2_000_000_000L).count() / 2.0;
    }

    /** The neurons the last redraw drew, column by column. */
    public List<DrawnNeuron> drawnNeurons() {
        return List.copyOf(neurons);
    }

    /** The edges the last redraw drew. */
    public List<DrawnEdge> drawnEdges() {
        return List.copyOf(edges);
    }

    /** The kept edges per drawn layer of the last redraw, with the share they explain. */
    public List<Contributions.Kept> keptEdges() {
        return List.copyOf(kept);
    }

    /** The drawn neuron {@code n}, or null. */
    public DrawnNeuron drawn(CircuitRequest.Neuron n) {
        return neurons.stream().filter(d -> d.neuron().equals(n)).findFirst().orElse(null);
    }

    /** The fill of activation {@code a} in a column whose largest |activation| is {@code scale}. */
    public static Color fill(double a, double scale) {
        if (!Double.isFinite(a)) {
            return Color.LIGHTGRAY;
        }
        double t = Math.min(1, Math.abs(a) / scale);
        return Color.WHITE.interpolate(a >= 0 ? POSITIVE : NEGATIVE, t);
    }

    @Override
    protected void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        neurons.clear();
        edges.clear();
        kept.clear();
        if (frame == null || w < 100 || h < TOP + 40) {
            GridPainter.placeholder(g, w, h, message);
            return;
        }
        if (state < 0) {
            GridPainter.placeholder(g, w, h, "Hover a free cell of the grid: its state is drawn here.");
            return;
        }
        raster.reset(w, h);
        List<String> columns = frame.hidden();
        int cols = columns.size() + 1;
        double left = 70;
        double step = (w - left - LABEL_WIDTH) / Math.max(1, cols - 1);
        List<List<DrawnNeuron>> placed = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            placed.add(column(columns.get(k), left + k * step, h));
        }
        List<DrawnNeuron> headColumn = heads(left + (cols - 1) * step, h);
        for (int k = 1; k < columns.size(); k++) {
            edgesInto(g, columns.get(k), placed.get(k - 1), placed.get(k));
        }
        for (String head : frame.heads()) {
            List<DrawnNeuron> targets = headColumn.stream().filter(d -> d.neuron().site().equals(head)).toList();
            edgesInto(g, head, placed.get(columns.size() - 1), targets);
        }
        g.drawImage(raster.image(), 0, 0);
        placed.forEach(c -> c.forEach(d -> paintNeuron(g, d)));
        headColumn.forEach(d -> paintNeuron(g, d));
        headLabels(g, headColumn);
        titles(g, columns, left, step);
    }

    private List<DrawnNeuron> column(String site, double x, double h) {
        int n = frame.width(site);
        double spacing = Math.min(26, (h - TOP - 12) / n);
        double top = TOP + (h - TOP - 12 - spacing * n) / 2 + spacing / 2;
        double scale = frame.scale(site);
        List<DrawnNeuron> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            double a = frame.activation(site, j, state);
            DrawnNeuron d = new DrawnNeuron(new CircuitRequest.Neuron(site, j), new Point2D(x, top + j * spacing),
                    Math.max(2.5, Math.min(9, spacing * 0.4)), fill(a, scale), a);
            out.add(d);
            neurons.add(d);
        }
        return out;
    }

    private List<DrawnNeuron> heads(double x, double h) {
        int slots = 0;
        for (String head : frame.heads()) {
            slots += frame.width(head) + 1;
        }
        slots -= 1;
        double spacing = Math.min(40, (h - TOP - 12) / Math.max(1, slots));
        double y = TOP + (h - TOP - 12 - spacing * slots) / 2 + spacing / 2;
        List<DrawnNeuron> out = new ArrayList<>();
        for (String head : frame.heads()) {
            double scale = frame.scale(head);
            for (int j = 0; j < frame.width(head); j++) {
                double a = frame.activation(head, j, state);
                DrawnNeuron d = new DrawnNeuron(new CircuitRequest.Neuron(head, j), new Point2D(x, y),
                        Math.max(4, Math.min(11, spacing * 0.36)), fill(a, scale), a);
                out.add(d);
                neurons.add(d);
                y += spacing;
            }
            y += spacing;
        }
        return out;
    }

    private void edgesInto(GraphicsContext g, String layer, List<DrawnNeuron> from, List<DrawnNeuron> to) {
        Contributions.Kept k = frame.contributions().strongestInto(layer,
                frame.activations(frame.contributions().inputOf(layer), state), SHARE, MAX_EDGES);
        kept.add(k);
        double max = k.edges().isEmpty() ? 1 : Math.abs(k.edges().get(0).contribution());
        for (int i = k.edges().size() - 1; i >= 0; i--) { // the strongest last, on top
            Contributions.Edge e = k.edges().get(i);
            double t = Math.abs(e.contribution()) / max;
            double width = 0.5 + 3.5 * t;
            DrawnNeuron a = from.get(e.from());
            DrawnNeuron b = to.get(e.to());
            Color c = e.contribution() >= 0 ? POSITIVE : NEGATIVE;
            raster.line(a.center().getX(), a.center().getY(), b.center().getX(), b.center().getY(), width,
                    c.deriveColor(0, 1, 1, 0.25 + 0.6 * t));
            edges.add(new DrawnEdge(a.neuron(), b.neuron(), e.contribution(), width));
        }
    }

    private void paintNeuron(GraphicsContext g, DrawnNeuron d) {
        double x = d.center().getX();
        double y = d.center().getY();
        double r = d.radius();
        g.setFill(d.fill());
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        boolean isSelected = d.neuron().equals(selected);
        g.setStroke(isSelected ? Color.BLACK : Color.web("#7b8794"));
        g.setLineWidth(isSelected ? 2.5 : 0.8);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        if (isSelected && ablated) {
            g.setStroke(Color.web("#c2255c"));
            g.setLineWidth(2.2);
            g.strokeLine(x - r - 2, y - r - 2, x + r + 2, y + r + 2);
            g.strokeLine(x - r - 2, y + r + 2, x + r + 2, y - r - 2);
        }
    }

    private void headLabels(GraphicsContext g, List<DrawnNeuron> heads) {
        g.setFont(Font.font("DejaVu Sans Mono", 12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.web("#1f2933"));
        boolean q = frame.heads().contains("q.values");
        double[] logits = frame.heads().contains("policy.logits")
                ? frame.activations("policy.logits", state) : null;
        double[] p = logits == null ? null : AblatedPolicy.softmax(logits);
        for (DrawnNeuron d : heads) {
            int j = d.neuron().index();
            String move = j < MOVES.length ? MOVES[j] : "a" + j;
            String text = switch (d.neuron().site()) {
                case "policy.logits" -> String.format(Locale.ROOT, "%-5s p %.2f  z %+.2f", move, p[j], d.value());
                case "value.out" -> String.format(Locale.ROOT, "V     %+.3f", d.value());
                default -> String.format(Locale.ROOT, "%s %-5s %+.3f", q ? "Q" : d.neuron().site(), move, d.value());
            };
            g.fillText(text, d.center().getX() + d.radius() + 8, d.center().getY());
        }
    }

    private void titles(GraphicsContext g, List<String> columns, double left, double step) {
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFill(Color.web("#1f2933"));
        for (int k = 0; k < columns.size(); k++) {
            g.fillText(columns.get(k) + " (" + frame.width(columns.get(k)) + ")", left + k * step, 4);
        }
        g.fillText("heads", left + columns.size() * step, 4);
        g.setFont(Font.font(11));
        g.setFill(Color.web("#6b7783"));
        int hiddenPairs = columns.size() - 1;
        for (int k = 0; k < hiddenPairs; k++) {
            caption(g, left + (k + 0.5) * step, List.of(kept.get(k)));
        }
        caption(g, left + (columns.size() - 0.5) * step, kept.subList(hiddenPairs, kept.size()));
    }

    /** "n of m edges: s% of |a·W|" over the kept edges into one or more layers, at {@code x}. */
    private static void caption(GraphicsContext g, double x, List<Contributions.Kept> into) {
        int shown = 0;
        int total = 0;
        double share = 0;
        for (Contributions.Kept k : into) {
            shown += k.edges().size();
            total += k.edgeCount();
            share += Double.isNaN(k.keptShare()) ? 0 : k.keptShare() / into.size();
        }
        g.fillText(String.format(Locale.ROOT, "%d of %d edges, %.0f%% of |a·W|", shown, total, 100 * share), x, 22);
    }

    private DrawnNeuron neuronAt(double x, double y) {
        DrawnNeuron best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (DrawnNeuron d : neurons) {
            double dist = d.center().distance(x, y);
            if (dist <= d.radius() + 4 && dist < bestDistance) {
                best = d;
                bestDistance = dist;
            }
        }
        return best;
    }
}
