package dev.lantern.app.analyze;

import dev.lantern.analysis.circuits.CircuitEdge;
import dev.lantern.analysis.circuits.CircuitGraph;
import dev.lantern.analysis.circuits.CircuitNode;
import dev.lantern.analysis.circuits.LayerShare;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A {@link CircuitGraph} drawn for the report with Java2D: one column per layer (the input's cells, each hidden
 * layer's kept neurons, the output at the right), nodes filled by activation (blue positive, red negative, white 0,
 * scaled per column), edges as curves whose width and opacity grow with {@code |contribution|} (scaled per layer, the
 * largest edge into a layer the widest) and whose colour is its sign (blue positive, red negative). Each column is
 * headed by its site and the share pruning kept there.
 */
public final class CircuitFigure {

    private static final Color POSITIVE = new Color(0x2166ac);
    private static final Color NEGATIVE = new Color(0xb2182b);
    private static final Color INK = new Color(0x333333);
    /** Pixels per node, vertically. */
    static final int ROW = 22;
    /** The first node row's top. */
    static final int TOP = 92;
    private static final int COLUMN = 260;
    private static final int MARGIN = 110;

    private CircuitFigure() {
    }

    /**
     * Draws {@code graph}.
     *
     * @param outputLabel the name of an output neuron of the head ({@code right}), by index
     */
    public static BufferedImage render(CircuitGraph graph, String title, IntFunction<String> outputLabel) {
        int columns = graph.layers().size() + 1;
        List<List<CircuitNode>> byLayer = new ArrayList<>();
        for (int l = 0; l < columns; l++) {
            byLayer.add(new ArrayList<>());
        }
        graph.nodes().forEach(n -> byLayer.get(n.layer()).add(n));
        int tallest = byLayer.stream().mapToInt(List::size).max().orElse(1);
        int width = 2 * MARGIN + (columns - 1) * COLUMN;
        int height = Math.max(360, TOP + tallest * ROW + 70);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 16, 26);
        Map<CircuitNode, double[]> at = new HashMap<>();
        for (int l = 0; l < columns; l++) {
            List<CircuitNode> column = byLayer.get(l);
            column.sort(Comparator.comparingInt(CircuitNode::index));
            double x = columnX(l);
            double y0 = TOP + (tallest - column.size()) * ROW / 2.0;
            for (int i = 0; i < column.size(); i++) {
                at.put(column.get(i), new double[] {x, y0 + i * ROW + ROW / 2.0});
            }
            header(g, graph, l, (int) x, byLayer.get(l).isEmpty() ? "" : column.get(0).site());
        }
        drawEdges(g, graph, at);
        for (List<CircuitNode> column : byLayer) {
            double scale = column.stream().mapToDouble(n -> Math.abs(n.activation())).max().orElse(0);
            for (CircuitNode n : column) {
                drawNode(g, n, at.get(n), scale, columns, outputLabel);
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(INK);
        g.drawString(String.format(Locale.ROOT, "%d nodes, %d edges; edge width: |contribution| relative to the "
                + "largest into its layer; blue positive, red negative; node fill: activation", graph.nodes().size(),
                graph.edges().size()), 16, height - 16);
        g.dispose();
        return image;
    }

    /** The centre of column {@code layer}, in pixels. */
    static int columnX(int layer) {
        return MARGIN + layer * COLUMN;
    }

    private static void header(Graphics2D g, CircuitGraph graph, int layer, int x, String site) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(INK);
        String name = layer == 0 ? "input cells" : site;
        g.drawString(name, x - g.getFontMetrics().stringWidth(name) / 2, 54);
        if (layer > 0) {
            LayerShare s = graph.layers().get(layer - 1);
            String kept = Double.isNaN(s.keptShare()) ? "no edges in"
                    : String.format(Locale.ROOT, "%d/%d edges in, %.0f%%", s.keptEdges(), s.candidateEdges(),
                            100 * s.keptShare());
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(kept, x - g.getFontMetrics().stringWidth(kept) / 2, 70);
        }
    }

    private static void drawEdges(Graphics2D g, CircuitGraph graph, Map<CircuitNode, double[]> at) {
        Map<Integer, Double> largest = new HashMap<>();
        for (CircuitEdge e : graph.edges()) {
            largest.merge(e.to().layer(), Math.abs(e.contribution()), Math::max);
        }
        List<CircuitEdge> edges = new ArrayList<>(graph.edges());
        edges.sort(Comparator.comparingDouble(e -> Math.abs(e.contribution()))); // strongest drawn last, on top
        for (CircuitEdge e : edges) {
            double max = largest.get(e.to().layer());
            double w = max > 0 ? Math.abs(e.contribution()) / max : 0;
            Color c = e.contribution() >= 0 ? POSITIVE : NEGATIVE;
            int alpha = (int) Math.round(20 + 215 * Math.pow(w, 1.5));
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha));
            g.setStroke(new BasicStroke((float) (0.4 + 5 * w * w), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double[] a = at.get(e.from());
            double[] b = at.get(e.to());
            double mid = (a[0] + b[0]) / 2;
            g.draw(new CubicCurve2D.Double(a[0] + 8, a[1], mid, a[1], mid, b[1], b[0] - 8, b[1]));
        }
    }

    private static void drawNode(Graphics2D g, CircuitNode n, double[] p, double scale, int columns,
            IntFunction<String> outputLabel) {
        double t = scale > 0 ? Math.max(-1, Math.min(1, n.activation() / scale)) : 0;
        Color base = t >= 0 ? POSITIVE : NEGATIVE;
        double k = Math.abs(t);
        Color fill = new Color((int) (255 + (base.getRed() - 255) * k), (int) (255 + (base.getGreen() - 255) * k),
                (int) (255 + (base.getBlue() - 255) * k));
        Ellipse2D circle = new Ellipse2D.Double(p[0] - 8, p[1] - 8, 16, 16);
        g.setColor(fill);
        g.fill(circle);
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(circle);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        boolean output = n.layer() == columns - 1;
        String label = output ? outputLabel.apply(n.index()) : n.label();
        String text = String.format(Locale.ROOT, "%s %.2f", label, n.activation());
        int tw = g.getFontMetrics().stringWidth(text);
        int x = n.layer() == 0 ? (int) p[0] - 12 - tw : (int) p[0] + 12;
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRoundRect(x - 2, (int) p[1] - 7, tw + 4, 14, 6, 6);
        g.setColor(INK);
        g.drawString(text, x, (int) p[1] + 4);
    }
}
