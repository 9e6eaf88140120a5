package dev.lantern.app.analyze;

import dev.lantern.analysis.search.PositionVerdict;
import dev.lantern.analysis.search.SearchSummary;
import dev.lantern.environments.board.GameState;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The figures of search introspection ({@code docs/search.md}): accuracy and value error of the network vs the search
 * over checkpoints, KL(visits || prior) over checkpoints, and the positions where they disagree most drawn as boards.
 */
final class SearchFigures {

    private static final int CELL = 34;
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private SearchFigures() {
    }

    /** Adds {@code search-accuracy}, {@code search-value-error} and {@code search-kl} over {@code steps}. */
    static void curves(Figures figures, List<Long> steps, List<SearchSummary> rows) {
        SearchSummary first = rows.get(0);
        String budget = String.format(Locale.ROOT, "%d positions, search %d simulations, c_puct %.2f",
                first.positions(), first.simulations(), first.cPuct());
        figures.chart("search-accuracy", chart("Best-move accuracy vs exact play (" + budget + ")",
                "fraction of positions whose move is exactly best", steps, rows, true), 820, 440);
        figures.chart("search-value-error", chart("Value error vs exact value (" + budget + ")",
                "mean |value - exact value|, side to move", steps, rows, false), 820, 440);
        XYSeries kl = new XYSeries("mean KL(visits || prior) at the root");
        for (int i = 0; i < rows.size(); i++) {
            kl.add(steps.get(i).doubleValue(), rows.get(i).meanKlVisitsPrior());
        }
        JFreeChart c = ChartFactory.createXYLineChart("How much search changes the network's mind (" + budget + ")",
                "env steps (checkpoint)", "nats", new XYSeriesCollection(kl), PlotOrientation.VERTICAL, true, false,
                false);
        figures.chart("search-kl", ReportCharts.style(c), 820, 440);
    }

    private static JFreeChart chart(String title, String yLabel, List<Long> steps, List<SearchSummary> rows,
            boolean accuracy) {
        XYSeries net = new XYSeries("network (argmax prior / value head)");
        XYSeries search = new XYSeries("search (most visited / root value)");
        for (int i = 0; i < rows.size(); i++) {
            SearchSummary s = rows.get(i);
            double x = steps.get(i);
            net.add(x, accuracy ? s.networkAccuracy() : s.networkValueError());
            search.add(x, accuracy ? s.searchAccuracy() : s.searchValueError());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(net);
        data.addSeries(search);
        return ReportCharts.style(ChartFactory.createXYLineChart(title, "env steps (checkpoint)", yLabel, data,
                PlotOrientation.VERTICAL, true, false, false));
    }

    /**
     * The boards of {@code top}, one panel each: stones, the network's prior (blue bar) and the search's visit share
     * (orange bar) per empty cell, the exact best moves outlined in green; under each the exact, network and search
     * values and KL. Boards of {@code rows x cols} cells, actions numbered row-major (tic-tac-toe).
     */
    static BufferedImage boards(List<PositionVerdict> top, int rows, int cols, String title) {
        int panelW = Math.max(cols * CELL + 20, 255);
        int panelH = rows * CELL + 90;
        int perRow = 4;
        int lines = (top.size() + perRow - 1) / perRow;
        return FigureCanvas.draw(perRow * panelW + 10, 60 + lines * panelH, title, g -> {
            g.setFont(SMALL);
            g.setColor(Color.DARK_GRAY);
            g.drawString("x / o: stones; per empty cell: blue bar = network prior, orange bar = search visit share;"
                    + " green outline = an exactly best move", 8, 40);
            for (int i = 0; i < top.size(); i++) {
                panel(g, top.get(i), 10 + (i % perRow) * panelW, 54 + (i / perRow) * panelH, rows, cols);
            }
        });
    }

    private static void panel(Graphics2D g, PositionVerdict v, int x0, int y0, int rows, int cols) {
        GameState s = v.position().state();
        String[] board = s.render().split("\n");
        double[] prior = v.prior();
        int[] visits = v.visits();
        int total = java.util.Arrays.stream(visits).sum();
        g.setFont(SMALL);
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format(Locale.ROOT, "#%d, %s to move", v.index(), s.currentPlayer() == 0 ? "x" : "o"),
                x0, y0 + 10);
        int top = y0 + 16;
        for (int r = 0; r < rows; r++) {
            String[] cells = board[r].trim().split(" ");
            for (int c = 0; c < cols; c++) {
                int a = r * cols + c;
                int x = x0 + c * CELL;
                int y = top + r * CELL;
                g.setColor(new Color(0xf4f4f4));
                g.fillRect(x, y, CELL, CELL);
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(1));
                g.drawRect(x, y, CELL, CELL);
                if (!cells[c].equals(".")) {
                    g.setColor(cells[c].equals("x") ? new Color(0x222222) : new Color(0xb02020));
                    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
                    g.drawString(cells[c], x + 11, y + 24);
                    g.setFont(SMALL);
                    continue;
                }
                int barMax = CELL - 6;
                g.setColor(new Color(0x3070c0));
                g.fillRect(x + 4, y + CELL - 3 - (int) Math.round(prior[a] * barMax), 10,
                        (int) Math.round(prior[a] * barMax));
                double share = total == 0 ? 0 : (double) visits[a] / total;
                g.setColor(new Color(0xe08020));
                g.fillRect(x + 19, y + CELL - 3 - (int) Math.round(share * barMax), 10,
                        (int) Math.round(share * barMax));
                if (v.position().isBest(a)) {
                    g.setColor(new Color(0x20a040));
                    g.setStroke(new BasicStroke(3));
                    g.drawRect(x + 2, y + 2, CELL - 4, CELL - 4);
                }
            }
        }
        g.setStroke(new BasicStroke(1));
        g.setColor(Color.DARK_GRAY);
        int ty = top + rows * CELL + 14;
        g.drawString(String.format(Locale.ROOT, "exact %+.0f, net %+.2f, search %+.2f", v.position().value(),
                v.networkValue(), v.searchValue()), x0, ty);
        g.drawString(String.format(Locale.ROOT, "net move %d%s, search %d%s", v.networkMove(),
                v.networkCorrect() ? " (best)" : " (wrong)", v.searchMove(), v.searchCorrect() ? " (best)" : " (wrong)"),
                x0, ty + 14);
        g.drawString(String.format(Locale.ROOT, "KL(visits||prior) %.3f nats", v.klVisitsPrior()), x0, ty + 28);
    }
}
