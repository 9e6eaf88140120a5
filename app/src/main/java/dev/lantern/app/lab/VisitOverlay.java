package dev.lantern.app.lab;

import dev.lantern.agents.mcts.Node;
import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.environments.grid.GridState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The visit counts of one search drawn on the grid: per cell, the visits of every tree node whose state is at that
 * cell (any keys), summed; a cell is tinted by log(1 + visits) against the most visited cell and carries the count.
 * The root's cell holds the root's visits (the search budget) plus every return to it, so cells can exceed the budget.
 */
final class VisitOverlay implements GridOverlay {

    static final Color HEAT = Color.web("#08519c");
    private final int[] perCell;
    private final int width;
    private final double logMax;

    /** @param perCell visits per cell, {@code [height * width]} row-major ({@link #visitsPerCell}) */
    VisitOverlay(int[] perCell, int width) {
        this.perCell = perCell.clone();
        this.width = width;
        int max = 0;
        for (int v : perCell) {
            max = Math.max(max, v);
        }
        logMax = Math.log1p(max);
    }

    /** The visits per cell, {@code [height * width]}: every node of {@code tree} that has a state, by its cell. */
    static int[] visitsPerCell(SearchTree<GridState> tree, int height, int width) {
        int[] cells = new int[height * width];
        Deque<Node<GridState>> todo = new ArrayDeque<>();
        todo.push(tree.root());
        while (!todo.isEmpty()) {
            Node<GridState> n = todo.pop();
            GridState s = n.state();
            if (s != null && n.visits() > 0) {
                cells[s.row() * width + s.col()] += n.visits();
            }
            for (Node<GridState> c : n.children()) {
                todo.push(c);
            }
        }
        return cells;
    }

    /** The visits drawn in cell (row, col). */
    int visits(int row, int col) {
        return perCell[row * width + col];
    }

    /** The count as printed: {@code 843}, {@code 12.5k}, {@code 1.2M}. */
    static String label(int v) {
        if (v < 1000) {
            return Integer.toString(v);
        }
        if (v < 1_000_000) {
            return String.format(Locale.ROOT, v < 10_000 ? "%.1fk" : "%.0fk", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.1fM", v / 1e6);
    }

    @Override
    public void paint(GraphicsContext g, double cell) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(null, FontWeight.BOLD, Math.max(7, Math.min(13, cell / 3.4))));
        for (int i = 0; i < perCell.length; i++) {
            if (perCell[i] == 0) {
                continue;
            }
            double t = logMax == 0 ? 1 : Math.log1p(perCell[i]) / logMax;
            double x = (i % width) * cell;
            double y = (i / width) * cell;
            g.setFill(Color.color(HEAT.getRed(), HEAT.getGreen(), HEAT.getBlue(), 0.15 + 0.6 * t));
            g.fillRect(x + 1, y + 1, cell - 2, cell - 2);
            if (cell >= 18) {
                g.setFill(Color.WHITE);
                g.fillText(label(perCell[i]), x + cell / 2, y + cell / 2);
            }
        }
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(TextAlignment.LEFT);
    }
}
