package dev.lantern.app.analyze;

import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.Tile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Two greedy policies on one grid map, cell by cell: each cell where both act is green when their greedy actions agree
 * and red when they differ, with both arrows drawn (a's in blue, above-left of the centre line; b's in orange,
 * below-right), walls dark, cells where neither acts light grey, and the map's symbols printed small; a legend under
 * the grid names a and b.
 */
public final class PolicyPairGrid {

    /** a's arrows. */
    public static final Color A = new Color(0x2166ac);
    /** b's arrows. */
    public static final Color B = new Color(0xe66101);
    private static final Color AGREE = new Color(0xc7e9c0);
    private static final Color DISAGREE = new Color(0xf4a6a6);
    private static final Color WALL = new Color(0x3a3a3a);
    private static final Color NO_VALUE = new Color(0xe6e6e6);
    private static final int[] DR = {-1, 1, 0, 0};
    private static final int[] DC = {0, 0, 1, -1};

    private PolicyPairGrid() {
    }

    /**
     * Draws the two policies.
     *
     * @param actionsA a's greedy action per cell ({@code [height * width]} row-major, {@link GridWorld#ACTION_UP}
     *                 ...), -1 where the cell has no decision state
     * @param actionsB b's, the same way
     * @param labelA   a's name in the legend
     * @param labelB   b's name in the legend
     * @param cell     pixels per cell (at least 16)
     */
    public static BufferedImage render(GridMap map, int[] actionsA, int[] actionsB, String title, String labelA,
            String labelB, int cell) {
        int h = map.height();
        int w = map.width();
        if (actionsA.length != h * w || actionsB.length != h * w) {
            throw new IllegalArgumentException("need " + h * w + " actions per policy, got " + actionsA.length
                    + " and " + actionsB.length);
        }
        if (cell < 16) {
            throw new IllegalArgumentException("cell size " + cell + " px: need at least 16");
        }
        int top = 28;
        int legend = 54;
        int width = Math.max(w * cell + 16, 420);
        int height = top + h * cell + legend;
        return FigureCanvas.draw(width, height, title, g -> {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int x0 = 8;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, cell / 3)));
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    int i = r * w + c;
                    boolean acts = actionsA[i] >= 0 && actionsB[i] >= 0;
                    g.setColor(map.tile(r, c) == Tile.WALL ? WALL
                            : !acts ? NO_VALUE : actionsA[i] == actionsB[i] ? AGREE : DISAGREE);
                    g.fillRect(x0 + c * cell, top + r * cell, cell, cell);
                    char symbol = map.symbol(r, c);
                    if (map.tile(r, c) != Tile.WALL && symbol != '.' && symbol != ' ') {
                        g.setColor(Color.BLACK);
                        g.drawString(String.valueOf(symbol), x0 + c * cell + 2, top + r * cell + cell / 3 + 2);
                    }
                    if (acts) {
                        double cx = x0 + c * cell + cell / 2.0;
                        double cy = top + r * cell + cell / 2.0;
                        arrow(g, cx, cy, actionsA[i], -cell * 0.1, cell, A);
                        arrow(g, cx, cy, actionsB[i], cell * 0.1, cell, B);
                    }
                }
            }
            g.setColor(new Color(0x9a9a9a));
            g.setStroke(new BasicStroke(0.5f));
            for (int r = 0; r <= h; r++) {
                g.drawLine(x0, top + r * cell, x0 + w * cell, top + r * cell);
            }
            for (int c = 0; c <= w; c++) {
                g.drawLine(x0 + c * cell, top, x0 + c * cell, top + h * cell);
            }
            drawLegend(g, x0, top + h * cell + 18, labelA, labelB);
        });
    }

    /** An arrow from the cell's centre along {@code action}, shifted {@code offset} px across its direction. */
    private static void arrow(Graphics2D g, double cx, double cy, int action, double offset, int cell, Color color) {
        double len = cell * 0.38;
        double px = -DR[action];
        double py = DC[action];
        double sx = cx + px * offset;
        double sy = cy + py * offset;
        double tx = sx + DC[action] * len;
        double ty = sy + DR[action] * len;
        double head = cell * 0.14;
        g.setColor(color);
        g.setStroke(new BasicStroke(Math.max(1.5f, cell / 18f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.drawLine((int) Math.round(sx), (int) Math.round(sy), (int) Math.round(tx - DC[action] * head * 0.5),
                (int) Math.round(ty - DR[action] * head * 0.5));
        double bx = tx - DC[action] * head;
        double by = ty - DR[action] * head;
        int[] xs = {(int) Math.round(tx), (int) Math.round(bx + px * head * 0.6), (int) Math.round(bx - px * head * 0.6)};
        int[] ys = {(int) Math.round(ty), (int) Math.round(by + py * head * 0.6), (int) Math.round(by - py * head * 0.6)};
        g.fillPolygon(xs, ys, 3);
    }

    private static void drawLegend(Graphics2D g, int x, int y, String labelA, String labelB) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(A);
        g.fillRect(x, y - 8, 14, 4);
        g.setColor(Color.DARK_GRAY);
        g.drawString("greedy action of " + labelA, x + 20, y - 2);
        g.setColor(B);
        g.fillRect(x, y + 8, 14, 4);
        g.setColor(Color.DARK_GRAY);
        g.drawString("greedy action of " + labelB, x + 20, y + 14);
        int x2 = x + 20 + Math.max(g.getFontMetrics().stringWidth("greedy action of " + labelA),
                g.getFontMetrics().stringWidth("greedy action of " + labelB)) + 24;
        g.setColor(AGREE);
        g.fillRect(x2, y - 12, 14, 12);
        g.setColor(DISAGREE);
        g.fillRect(x2, y + 4, 14, 12);
        g.setColor(Color.DARK_GRAY);
        g.drawString("same greedy action", x2 + 20, y - 2);
        g.drawString("different greedy action", x2 + 20, y + 14);
        g.drawString("(grey: no decision)", x2 + 160, y - 2);
    }
}
