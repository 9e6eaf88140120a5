package dev.lantern.app.lab;

import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.text.TextAlignment;

/**
 * The canvas of {@link SearchTreeView}: draws a {@link TreeLayout} under a zoom and pan, culling by binary search on
 * each visible depth (only the nodes and edges that reach the screen are visited), with no node objects made per
 * frame (colours come from a palette made once; edge labels are made once per node and kept). Redraws at most once
 * per pulse, only when the view or the tree changed, and counts those distinct frames. Drag pans, the wheel zooms
 * about the pointer, a click selects a node, a double click collapses or expands it. FX thread only.
 */
final class TreeCanvas extends CanvasRegion {

    /** Colours of Q from -bound (red) to +bound (blue), ColorScale's RdYlBu. */
    static final int PALETTE = 65;
    static final Color UNVISITED = Color.web("#bdbdbd");
    static final Color BACKGROUND = Color.web("#fbfbf8");
    private static final Color EDGE = Color.web("#9e9e9e");
    private static final Color PATH = Color.web("#202020");
    private static final double MIN_SCALE = 1e-4;
    private static final double MAX_SCALE = 8;

    private final TreeLayout<?> layout;
    private final ColorScale scale;
    private final Color[] palette = new Color[PALETTE];
    private final String[] edgeLabels;
    private final java.util.function.IntFunction<String> actionLabel;
    private final LinearGradient legend;
    private boolean[] onPath;
    private double zoom = 1;
    private double originX;
    private double originY;
    private int selected = -1;
    private boolean dirty = true;
    private long framesDrawn;
    private long drawNanos;
    private int nodesDrawn;
    private double pressX;
    private double pressY;
    private boolean dragged;
    private IntConsumer onSelect = i -> { };
    private IntConsumer onToggle = i -> { };
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (dirty && getScene() != null) {
                redraw();
            }
        }
    };

    TreeCanvas(TreeLayout<?> layout, java.util.function.IntFunction<String> actionLabel) {
        this.layout = layout;
        this.actionLabel = actionLabel;
        this.onPath = new boolean[layout.size()];
        this.edgeLabels = new String[layout.size()];
        double bound = 0;
        for (int i = 0; i < layout.size(); i++) {
            if (Double.isFinite(layout.q(i))) {
                bound = Math.max(bound, Math.abs(layout.q(i)));
            }
        }
        this.scale = new ColorScale(bound <= 1 ? -1 : -bound, bound <= 1 ? 1 : bound);
        for (int k = 0; k < PALETTE; k++) {
            palette[k] = ColorScale.colorAt(k / (PALETTE - 1.0));
        }
        legend = TreeLegend.gradient();
        setMinSize(200, 150);
        setPrefSize(900, 600);
        canvas.setOnMousePressed(e -> {
            pressX = e.getX();
            pressY = e.getY();
            dragged = false;
        });
        canvas.setOnMouseDragged(e -> {
            if (Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) > 3 || dragged) {
                panBy(e.getX() - pressX, e.getY() - pressY);
                pressX = e.getX();
                pressY = e.getY();
                dragged = true;
            }
        });
        canvas.setOnMouseClicked(e -> {
            if (dragged || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            int hit = nodeAt(e.getX(), e.getY());
            if (hit >= 0) {
                (e.getClickCount() >= 2 ? onToggle : onSelect).accept(hit);
            }
        });
        canvas.setOnScroll(e -> zoomAbout(e.getX(), e.getY(), Math.pow(1.0015, e.getDeltaY())));
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                timer.stop();
            } else {
                timer.start();
            }
        });
    }

    /** The colour of node {@code i}: its Q on the palette, grey if unvisited. */
    Color colorOf(int i) {
        double q = layout.q(i);
        return Double.isNaN(q) ? UNVISITED : palette[(int) Math.round(scale.position(q) * (PALETTE - 1))];
    }

    /** The Q range of the colours. */
    ColorScale colorScale() {
        return scale;
    }

    void onSelect(IntConsumer listener) {
        this.onSelect = listener;
    }

    void onToggle(IntConsumer listener) {
        this.onToggle = listener;
    }

    void select(int i) {
        selected = i;
        dirty = true;
    }

    void path(int[] nodes) {
        onPath = new boolean[layout.size()];
        for (int i : nodes) {
            onPath[i] = true;
        }
        dirty = true;
    }

    /** Marks the tree changed (after a relayout). */
    void changed() {
        dirty = true;
    }

    /** Screen x of world x. */
    double screenX(double worldX) {
        return (worldX - originX) * zoom;
    }

    /** Screen y of world y. */
    double screenY(double worldY) {
        return (worldY - originY) * zoom;
    }

    double zoom() {
        return zoom;
    }

    /** Moves the drawing by {@code dx, dy} screen pixels. */
    void panBy(double dx, double dy) {
        originX -= dx / zoom;
        originY -= dy / zoom;
        dirty = true;
    }

    /** Multiplies the zoom by {@code factor}, keeping the world point under screen point (sx, sy) in place. */
    void zoomAbout(double sx, double sy, double factor) {
        double wx = originX + sx / zoom;
        double wy = originY + sy / zoom;
        zoom = Math.max(MIN_SCALE, Math.min(MAX_SCALE, zoom * factor));
        originX = wx - sx / zoom;
        originY = wy - sy / zoom;
        dirty = true;
    }

    /** Puts node {@code i} at the centre of the canvas at zoom {@code z}. */
    void centreOn(int i, double z) {
        zoom = Math.max(MIN_SCALE, Math.min(MAX_SCALE, z));
        originX = layout.x(i) - canvas.getWidth() / 2 / zoom;
        originY = layout.y(i) - canvas.getHeight() / 2 / zoom;
        dirty = true;
    }

    /** Zoom 1, the root at the top centre (below the legend's height). */
    void home() {
        zoom = 1;
        originX = layout.x(0) - canvas.getWidth() / 2;
        originY = -30;
        dirty = true;
    }

    /** The visible node whose disc (at least 4 screen pixels) contains screen point (sx, sy), or -1. */
    int nodeAt(double sx, double sy) {
        double wx = originX + sx / zoom;
        double wy = originY + sy / zoom;
        int d = (int) Math.floor(wy / TreeLayout.LEVEL);
        if (d < 0 || d >= layout.depths()) {
            return -1;
        }
        int best = -1;
        double bestDist = Double.POSITIVE_INFINITY;
        double reach = TreeLayout.R_MAX + 4 / zoom;
        int end = layout.rowStart(d + 1);
        for (int i = layout.firstAtOrRightOf(d, wx - reach); i < end && layout.x(i) <= wx + reach; i++) {
            double dist = Math.hypot(layout.x(i) - wx, layout.y(i) - wy);
            if (!layout.isHidden(i) && dist <= Math.max(layout.radius(i), 4 / zoom) && dist < bestDist) {
                best = i;
                bestDist = dist;
            }
        }
        return best;
    }

    /** Distinct frames drawn so far. */
    long framesDrawn() {
        return framesDrawn;
    }

    /** Nanoseconds spent drawing so far. */
    long drawNanos() {
        return drawNanos;
    }

    /** Nodes drawn in the last frame. */
    int nodesDrawn() {
        return nodesDrawn;
    }

    @Override
    protected void redraw() {
        long t0 = System.nanoTime();
        dirty = false;
        GraphicsContext g = cleared(BACKGROUND);
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        double left = originX;
        double right = originX + w / zoom;
        int dFrom = Math.max(0, (int) Math.floor(originY / TreeLayout.LEVEL) - 1);
        int dTo = Math.min(layout.visibleDepths() - 1, (int) Math.floor((originY + h / zoom) / TreeLayout.LEVEL) + 1);
        g.setStroke(EDGE);
        g.setLineWidth(Math.max(0.5, Math.min(1.5, zoom)));
        g.beginPath();
        for (int d = Math.max(1, dFrom); d <= dTo; d++) {
            double lastChild = Double.NEGATIVE_INFINITY;
            double lastParent = Double.NEGATIVE_INFINITY;
            for (int i = firstEdge(d, left); i < layout.rowStart(d + 1) && edgeMin(i) <= right; i++) {
                double cx = screenX(layout.x(i));
                double px = screenX(layout.x(layout.parent(i)));
                // level of detail: an edge within a pixel of the last one drawn at both ends would land on it
                if (!layout.isHidden(i) && (cx - lastChild >= 1 || px - lastParent >= 1)) {
                    g.moveTo(px, screenY(layout.y(layout.parent(i))));
                    g.lineTo(cx, screenY(layout.y(i)));
                    lastChild = cx;
                    lastParent = px;
                }
            }
        }
        g.stroke();
        drawPath(g);
        nodesDrawn = 0;
        double reach = TreeLayout.R_MAX;
        boolean labels = TreeLayout.LEVEL * zoom >= 60;
        for (int d = dFrom; d <= dTo; d++) {
            int end = layout.rowStart(d + 1);
            double last = Double.NEGATIVE_INFINITY;
            for (int i = layout.firstAtOrRightOf(d, left - reach); i < end && layout.x(i) <= right + reach; i++) {
                double sx = screenX(layout.x(i));
                // level of detail: a sub-pixel node within a pixel of the last one drawn would land on it
                if (!layout.isHidden(i) && (sx - last >= 1 || layout.radius(i) * zoom >= 1 || i == selected)) {
                    drawNode(g, i, labels);
                    last = sx;
                }
            }
        }
        TreeLegend.draw(g, legend, scale);
        framesDrawn++;
        drawNanos += System.nanoTime() - t0;
    }

    private void drawNode(GraphicsContext g, int i, boolean labels) {
        double r = layout.radius(i) * zoom;
        double sx = screenX(layout.x(i));
        double sy = screenY(layout.y(i));
        g.setFill(colorOf(i));
        if (r < 2) { // a square is cheaper to fill and looks the same at this size
            double half = Math.max(0.75, r);
            g.fillRect(sx - half, sy - half, 2 * half, 2 * half);
        } else {
            g.fillOval(sx - r, sy - r, 2 * r, 2 * r);
        }
        nodesDrawn++;
        if (layout.isCollapsed(i) && r >= 2) {
            g.setStroke(PATH);
            g.setLineWidth(1);
            g.strokeLine(sx - r - 4, sy + r + 4, sx + r + 4, sy + r + 4);
            g.strokeLine(sx, sy + r + 1, sx, sy + r + 7);
        }
        if (i == selected) {
            g.setStroke(Color.BLACK);
            g.setLineWidth(2.5);
            g.strokeOval(sx - r - 3, sy - r - 3, 2 * r + 6, 2 * r + 6);
        }
        if (labels && i > 0 && layout.leafCount(i) * TreeLayout.SLOT * zoom >= 64) {
            if (edgeLabels[i] == null) {
                edgeLabels[i] = edgeLabel(i);
            }
            g.setFill(Color.web("#333333"));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(edgeLabels[i], sx, sy - r - 18);
            g.setTextAlign(TextAlignment.LEFT);
        }
    }

    /** "x3 p.25 / n48% q+.31": the action, its prior, its share of the parent's visits and its Q. */
    String edgeLabel(int i) {
        int parentVisits = layout.visits(layout.parent(i));
        double share = parentVisits == 0 ? 0 : layout.visits(i) / (double) parentVisits;
        double q = layout.q(i);
        return String.format(Locale.ROOT, "%s p%.2f\nn%.0f%% q%s", actionLabel.apply(layout.action(i)),
                layout.prior(i), 100 * share, Double.isNaN(q) ? "-" : String.format(Locale.ROOT, "%+.2f", q));
    }

    private void drawPath(GraphicsContext g) {
        g.setStroke(PATH);
        g.setLineWidth(Math.max(1.5, Math.min(3, 2 * zoom)));
        g.beginPath();
        for (int i = 1; i < layout.size(); i++) {
            if (onPath[i] && !layout.isHidden(i)) {
                g.moveTo(screenX(layout.x(layout.parent(i))), screenY(layout.y(layout.parent(i))));
                g.lineTo(screenX(layout.x(i)), screenY(layout.y(i)));
            }
        }
        g.stroke();
    }

    /** The first node of depth {@code d} whose edge to its parent reaches {@code left} or beyond. */
    private int firstEdge(int d, double left) {
        int lo = layout.rowStart(d);
        int hi = layout.rowStart(d + 1);
        while (lo < hi) { // edges do not cross, so max(x, parent x) grows along the row
            int mid = (lo + hi) >>> 1;
            if (Math.max(layout.x(mid), layout.x(layout.parent(mid))) < left) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private double edgeMin(int i) {
        return Math.min(layout.x(i), layout.x(layout.parent(i)));
    }
}
