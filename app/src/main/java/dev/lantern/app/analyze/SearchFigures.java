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
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The figures of search introspection ({@code docs/search.md}): accuracy and value error of the network vs the search
 * over checkpoints, KL(visits || prior) over checkpoints, and the positions where they disagree most drawn as boards.
 */
final class SearchFigures {

    private static final int CELL = 34;
    private static final Color NETWORK = new Color(0x3070c0);
    private static final Color SEARCH = new Color(0xe08020);
    private static final Color KL = new Color(0x7040a0);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private SearchFigures() {
    }

    /**
     * Adds {@code search-accuracy}, {@code search-value-error} and {@code search-kl} over {@code steps}: over every
     * measured position against {@code reference} ({@code rows}) and, when some positions are not proven, also over
     * the proven ones ({@code proven}, exact labels).
     */
    static void curves(Figures figures, List<Long> steps, List<SearchSummary> rows, List<SearchSummary> proven,
            String reference) {
        SearchSummary first = rows.get(0);
        boolean subset = proven.get(0).positions() < first.positions();
        String budget = String.format(Locale.ROOT, "%d positions%s, search %d simulations, c_puct %.2f",
                first.positions(), subset ? String.format(Locale.ROOT, " (%d proven)", proven.get(0).positions()) : "",
                first.simulations(), first.cPuct());
        figures.chart("search-accuracy", chart("Best-move accuracy vs " + reference + " (" + budget + ")",
                "fraction of positions, move is best", steps, rows, subset ? proven : null, true), 860,
                460);
        figures.chart("search-value-error", chart("Value error vs " + reference + " (" + budget + ")",
                "mean |value - reference|, side to move", steps, rows, subset ? proven : null, false), 860,
                460);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series(subset ? "mean KL(visits || prior), all positions" : "mean KL(visits || prior) at the"
                + " root", steps, rows, SearchSummary::meanKlVisitsPrior));
        if (subset) {
            data.addSeries(series("mean KL(visits || prior), proven positions", steps, proven,
                    SearchSummary::meanKlVisitsPrior));
        }
        JFreeChart c = ChartFactory.createXYLineChart("How much search changes the network's mind (" + budget + ")",
                "env steps (checkpoint)", "nats", data, PlotOrientation.VERTICAL, true, false, false);
        ReportCharts.style(c);
        lineStyle(c, new Color[] {KL, KL}, 1);
        figures.chart("search-kl", c, 860, 460);
    }

    private static JFreeChart chart(String title, String yLabel, List<Long> steps, List<SearchSummary> rows,
            List<SearchSummary> proven, boolean accuracy) {
        ToDoubleFunction<SearchSummary> net = accuracy ? SearchSummary::networkAccuracy
                : SearchSummary::networkValueError;
        ToDoubleFunction<SearchSummary> search = accuracy ? SearchSummary::searchAccuracy
                : SearchSummary::searchValueError;
        String suffix = proven == null ? "" : ", all positions (depth-limited reference)";
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("network (argmax prior / value head)" + suffix, steps, rows, net));
        data.addSeries(series("search (most visited / root value)" + suffix, steps, rows, search));
        if (proven != null) {
            data.addSeries(series("network, proven positions (exact labels)", steps, proven, net));
            data.addSeries(series("search, proven positions (exact labels)", steps, proven, search));
        }
        JFreeChart c = ReportCharts.style(ChartFactory.createXYLineChart(title, "env steps (checkpoint)", yLabel, data,
                PlotOrientation.VERTICAL, true, false, false));
        lineStyle(c, new Color[] {NETWORK, SEARCH, NETWORK, SEARCH}, 2);
        return c;
    }

    /**
     * Series {@code i} in {@code colours[i]} with points marked: the first {@code solid} (over all positions) solid,
     * the rest (the proven subset) dashed.
     */
    private static void lineStyle(JFreeChart chart, Color[] colours, int solid) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < colours.length; i++) {
            r.setSeriesPaint(i, colours[i]);
            r.setSeriesStroke(i, i < solid ? new BasicStroke(2.2f) : new BasicStroke(2.2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f));
        }
        chart.getXYPlot().setRenderer(r);
    }

    private static XYSeries series(String name, List<Long> steps, List<SearchSummary> rows,
            ToDoubleFunction<SearchSummary> metric) {
        XYSeries out = new XYSeries(name);
        for (int i = 0; i < rows.size(); i++) {
            out.add(steps.get(i).doubleValue(), metric.applyAsDouble(rows.get(i)));
        }
        return out;
    }

    /**
     * The boards of {@code top}, one panel each: stones, and in the cell each legal move fills (the cell a tic-tac-toe
     * move marks, the cell a connect-four stone drops into) the network's prior (blue bar) and the search's visit
     * share (orange bar), the reference best moves outlined in green; under each the reference, network and search
     * values and KL. Boards of {@code rows x cols} cells as {@link GameState#render()} draws them.
     */
    static BufferedImage boards(List<PositionVerdict> top, int rows, int cols, String title) {
        int panelW = Math.max(cols * CELL + 20, 255);
        int panelH = rows * CELL + 90;
        int perRow = 4;
        int lines = (top.size() + perRow - 1) / perRow;
        return FigureCanvas.draw(perRow * panelW + 10, 60 + lines * panelH, title, g -> {
            g.setFont(SMALL);
            g.setColor(Color.DARK_GRAY);
            g.drawString("x / o: stones; in the cell each legal move fills: blue bar = network prior, orange bar ="
                    + " search visit share; green outline = a best move of the reference", 8, 40);
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
        g.drawString(String.format(Locale.ROOT, "#%d, %s to move, %s", v.index(), s.currentPlayer() == 0 ? "x" : "o",
                v.position().proven() ? "proven (exact labels)" : "not proven (depth-limited)"), x0, y0 + 10);
        int[] actionAt = actionCells(s, rows, cols);
        int top = y0 + 16;
        for (int r = 0; r < rows; r++) {
            String[] cells = board[r].trim().split(" ");
            for (int c = 0; c < cols; c++) {
                int a = actionAt[r * cols + c];
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
                if (a < 0) {
                    continue; // an empty cell no move fills now (above a connect-four column's next cell)
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
        g.drawString(String.format(Locale.ROOT, "reference %+.2f, net %+.2f, search %+.2f", v.position().value(),
                v.networkValue(), v.searchValue()), x0, ty);
        g.drawString(String.format(Locale.ROOT, "net move %d%s, search %d%s", v.networkMove(),
                v.networkCorrect() ? " (best)" : " (wrong)", v.searchMove(),
                v.searchCorrect() ? " (best)" : " (wrong)"), x0, ty + 14);
        g.drawString(String.format(Locale.ROOT, "KL(visits||prior) %.3f nats", v.klVisitsPrior()), x0, ty + 28);
    }

    /**
     * For each cell (row-major, as {@code render()} lists them) the legal action that fills it, or -1: the one cell
     * where the board after the move differs from the board before.
     */
    static int[] actionCells(GameState s, int rows, int cols) {
        int[] at = new int[rows * cols];
        java.util.Arrays.fill(at, -1);
        String before = s.render().replace("\n", " ");
        for (int a : s.legalActions()) {
            String after = s.next(a).render().replace("\n", " ");
            for (int k = 0; k < rows * cols; k++) {
                if (before.charAt(2 * k) != after.charAt(2 * k)) {
                    at[k] = a;
                }
            }
        }
        return at;
    }
}
