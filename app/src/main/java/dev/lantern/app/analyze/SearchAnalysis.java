package dev.lantern.app.analyze;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.analysis.search.ExactPosition;
import dev.lantern.analysis.search.ExactPositions;
import dev.lantern.analysis.search.PositionVerdict;
import dev.lantern.analysis.search.SearchIntrospection;
import dev.lantern.analysis.search.SearchReport;
import dev.lantern.analysis.search.SearchSummary;
import dev.lantern.analysis.search.ViewEvaluator;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.engine.GameCheckpoint;
import dev.lantern.environments.board.TicTacToe;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code lantern analyze} on an AlphaZero game run ({@code docs/search.md}): every checkpoint's network and the PUCT
 * search with it at the run's training budget, held against exact play over every non-terminal position
 * ({@link SearchIntrospection}); writes {@code search.json} (one row per checkpoint, and the newest checkpoint's
 * positions of most disagreement) and the figures of {@link SearchFigures}. Tic-tac-toe only: the positions must be
 * solvable by minimax.
 */
public final class SearchAnalysis {

    /** The report's file name. */
    public static final String FILE = "search.json";
    /** Disagreement positions listed (and drawn: the first {@value #DRAWN}). */
    public static final int LISTED = 20;
    /** Disagreement positions drawn. */
    public static final int DRAWN = 8;
    /** The seed of the game-concept probes' train/held-out split (as {@code lantern analyze}'s grid probes use 0). */
    public static final long CONCEPT_SEED = 0;

    private SearchAnalysis() {
    }

    /** The default folder: {@code RUN/analysis/search}. */
    public static Path defaultFolder(GameCheckpoint run) {
        return run.run().resolve("analysis").resolve("search");
    }

    /**
     * Analyses every checkpoint of {@code run} and writes the report into {@code dir}.
     *
     * @return the files written: the figures (when {@code withFigures}), then {@code search.json}
     * @throws ConfigException if the game is not tic-tac-toe
     */
    public static List<Path> write(GameCheckpoint run, boolean withFigures, PrintWriter out, Path dir) {
        if (!run.game().id().equals(TicTacToe.ID)) {
            throw new ConfigException(List.of(run.run() + ": search introspection needs every position solved exactly;"
                    + " it supports " + TicTacToe.ID + ", got " + run.game().id()));
        }
        long start = System.nanoTime();
        List<ExactPosition> positions = ExactPositions.nonTerminal(run.game());
        SearchIntrospection introspection = new SearchIntrospection(run.game(), run.simulations(), run.cPuct());
        out.printf(Locale.ROOT, "lantern analyze: %s, %d checkpoints, %d non-terminal positions of %s,"
                + " search %d simulations, c_puct %.2f%n", run.run(), run.steps().size(), positions.size(),
                run.game().id(), run.simulations(), run.cPuct());
        out.println("  env steps  net acc  net |v-v*|  search acc  search |v-v*|  KL(visits||prior)  agree"
                + "  max|sum prior-1|");
        List<SearchSummary> rows = new ArrayList<>();
        JsonArray table = new JsonArray();
        SearchReport newest = null;
        for (long step : run.steps()) {
            SearchReport r = introspection.measure(positions, new ViewEvaluator(run.view(step)));
            SearchSummary s = r.summary();
            rows.add(s);
            table.add(row(step, s));
            out.printf(Locale.ROOT, "  %9d  %7.3f  %10.3f  %10.3f  %13.3f  %17.3f  %5.3f  %.1e%n", step,
                    s.networkAccuracy(), s.networkValueError(), s.searchAccuracy(), s.searchValueError(),
                    s.meanKlVisitsPrior(), s.agreement(), s.priorSumError());
            newest = r;
        }
        long last = run.steps().get(run.steps().size() - 1);
        List<PositionVerdict> top = newest.disagreements(LISTED);
        JsonObject root = new JsonObject();
        root.addProperty("run", run.run().toString());
        root.addProperty("env", run.game().id());
        root.addProperty("agent", run.experiment().agentType());
        root.addProperty("positions", positions.size());
        root.addProperty("simulations", run.simulations());
        root.addProperty("cPuct", run.cPuct());
        root.addProperty("definitions", "every non-terminal position reachable from the start; a move is correct when"
                + " it is in the exact (minimax) best-move set; network = argmax of the prior over legal moves, no root"
                + " noise; search = most visited root move of PUCT with that network, no noise, temperature 0; values"
                + " and Q from the side to move; KL(visits || prior) in nats at the root, mean over positions;"
                + " exact over the whole set (no sampling error)");
        root.add("checkpoints", table);
        JsonObject dis = new JsonObject();
        dis.addProperty("envSteps", last);
        dis.addProperty("order", "positions where network and search choose different moves first, then by"
                + " KL(visits || prior) descending");
        JsonArray list = new JsonArray();
        top.forEach(v -> list.add(verdict(v)));
        dis.add("positions", list);
        root.add("disagreements", dis);
        Figures figures = new Figures();
        // What the network represents of the game: exact concepts probed at every layer of every checkpoint.
        root.add(GameConceptSection.MEMBER, new GameConceptSection(CONCEPT_SEED).write(run, figures, out));
        if (withFigures) {
            SearchFigures.curves(figures, run.steps(), rows);
            figures.image("search-disagreements", SearchFigures.boards(top.subList(0, Math.min(DRAWN, top.size())),
                    TicTacToe.SIZE, TicTacToe.SIZE, String.format(Locale.ROOT, "Where network and search disagree"
                            + " most (checkpoint %d, %d simulations)", last, run.simulations())));
        }
        List<Path> written = figures.writeReport(dir, withFigures, FILE, root);
        out.printf(Locale.ROOT, "  (analysis took %.1f s)%n", (System.nanoTime() - start) / 1e9);
        return written;
    }

    private static JsonObject row(long step, SearchSummary s) {
        JsonObject o = new JsonObject();
        o.addProperty("envSteps", step);
        o.addProperty("networkAccuracy", s.networkAccuracy());
        o.addProperty("networkValueError", s.networkValueError());
        o.addProperty("searchAccuracy", s.searchAccuracy());
        o.addProperty("searchValueError", s.searchValueError());
        o.addProperty("meanKlVisitsPrior", s.meanKlVisitsPrior());
        o.addProperty("agreement", s.agreement());
        o.addProperty("accuracyGap", s.accuracyGap());
        o.addProperty("valueErrorGap", s.valueErrorGap());
        o.addProperty("priorSumError", s.priorSumError());
        return o;
    }

    private static JsonObject verdict(PositionVerdict v) {
        JsonObject o = new JsonObject();
        o.addProperty("index", v.index());
        o.addProperty("board", v.position().state().render());
        o.add("history", Json.ints(v.position().state().history()));
        o.addProperty("toMove", v.position().state().currentPlayer() == 0 ? "x" : "o");
        o.addProperty("exactValue", v.position().value());
        o.add("bestMoves", Json.ints(v.position().bestMoves()));
        o.addProperty("networkMove", v.networkMove());
        o.addProperty("networkCorrect", v.networkCorrect());
        o.addProperty("searchMove", v.searchMove());
        o.addProperty("searchCorrect", v.searchCorrect());
        o.addProperty("networkValue", v.networkValue());
        o.addProperty("searchValue", v.searchValue());
        o.addProperty("klVisitsPrior", v.klVisitsPrior());
        o.add("prior", Json.doubles(v.prior()));
        o.add("visits", Json.ints(v.visits()));
        o.add("q", Json.doubles(v.q()));
        return o;
    }
}
