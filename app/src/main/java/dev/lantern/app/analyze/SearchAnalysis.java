package dev.lantern.app.analyze;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.analysis.search.ExactPosition;
import dev.lantern.analysis.search.AlphaBetaPositions;
import dev.lantern.analysis.search.LabelledPositions;
import dev.lantern.analysis.search.PositionVerdict;
import dev.lantern.analysis.search.SearchIntrospection;
import dev.lantern.analysis.search.SearchReport;
import dev.lantern.analysis.search.SearchSummary;
import dev.lantern.analysis.search.ViewEvaluator;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.engine.GameCheckpoint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code lantern analyze} on an AlphaZero game run ({@code docs/search.md}): every checkpoint's network and the PUCT
 * search with it at the run's training budget, held against labelled positions ({@link SearchIntrospection}): every
 * non-terminal tic-tac-toe position solved by minimax, or a seeded sample of connect-four positions labelled by
 * alpha-beta to a depth ({@link SearchPositions}); writes {@code search.json} (one row per checkpoint over all
 * positions, with the proven ones' metrics under {@code proven}, and the newest checkpoint's positions of most
 * disagreement) and the figures of {@link SearchFigures}.
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

    /** Analyses every checkpoint of {@code run} against the default positions of its game ({@link SearchPositions}). */
    public static List<Path> write(GameCheckpoint run, boolean withFigures, PrintWriter out, Path dir) {
        return write(run, SearchPositions.defaults(), withFigures, out, dir);
    }

    /**
     * Analyses every checkpoint of {@code run} against the positions {@code choice} gives for its game and writes the
     * report into {@code dir}.
     *
     * @return the files written: the figures (when {@code withFigures}), then {@code search.json}
     * @throws ConfigException if the game has no labelled positions or an option is out of range (naming it)
     */
    public static List<Path> write(GameCheckpoint run, SearchPositions choice, boolean withFigures, PrintWriter out,
            Path dir) {
        long start = System.nanoTime();
        LabelledPositions labelled = choice.of(run.game());
        List<ExactPosition> positions = labelled.positions();
        long proven = labelled.provenCount();
        boolean subset = proven < positions.size();
        SearchIntrospection introspection = new SearchIntrospection(run.game(), run.simulations(), run.cPuct());
        out.printf(Locale.ROOT, "lantern analyze: %s, %d checkpoints, %d non-terminal positions of %s (%d proven)"
                + " against %s, search %d simulations, c_puct %.2f (positions labelled in %.1f s)%n", run.run(),
                run.steps().size(), positions.size(), run.game().id(), proven, labelled.reference(),
                run.simulations(), run.cPuct(), (System.nanoTime() - start) / 1e9);
        out.println("  env steps  positions  net acc  net |v-v*|  search acc  search |v-v*|  KL(visits||prior)  agree"
                + "  max|sum prior-1|");
        List<SearchSummary> rows = new ArrayList<>();
        List<SearchSummary> provenRows = new ArrayList<>();
        JsonArray table = new JsonArray();
        SearchReport newest = null;
        for (long step : run.steps()) {
            SearchReport r = introspection.measure(labelled, new ViewEvaluator(run.view(step)));
            SearchSummary s = r.summary();
            SearchSummary p = r.proven();
            rows.add(s);
            provenRows.add(p);
            JsonObject row = row(s);
            row.addProperty("subset", "all positions, against " + labelled.reference());
            JsonObject provenRow = row(p);
            provenRow.addProperty("subset", "proven positions only, exact labels");
            row.add("proven", provenRow);
            JsonObject o = new JsonObject();
            o.addProperty("envSteps", step);
            row.entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
            table.add(o);
            print(out, step, subset ? "all" : "", s);
            if (subset) {
                print(out, step, "proven", p);
            }
            newest = r;
        }
        long last = run.steps().get(run.steps().size() - 1);
        List<PositionVerdict> top = newest.disagreements(LISTED);
        JsonObject root = new JsonObject();
        root.addProperty("run", run.run().toString());
        root.addProperty("env", run.game().id());
        root.addProperty("agent", run.experiment().agentType());
        root.addProperty("reference", labelled.reference());
        root.addProperty("positions", positions.size());
        root.addProperty("provenPositions", proven);
        if (labelled instanceof AlphaBetaPositions sample) {
            root.addProperty("depth", sample.depth());
            root.addProperty("sampleSeed", sample.seed());
        }
        root.addProperty("simulations", run.simulations());
        root.addProperty("cPuct", run.cPuct());
        root.addProperty("definitions", labelled.description() + "; the metrics of each checkpoint row are over all"
                + " positions against the reference, those under 'proven' over the proven positions only (exact"
                + " labels); network = argmax of the prior over legal moves, no root noise; search = most visited root"
                + " move of PUCT with that network, no noise, temperature 0; values and Q from the side to move;"
                + " KL(visits || prior) in nats at the root, mean over positions");
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
        // What the network represents of the game: concepts probed at every layer of every checkpoint.
        root.add(GameConceptSection.MEMBER, new GameConceptSection(CONCEPT_SEED).write(run, labelled, figures, out));
        if (withFigures) {
            SearchFigures.curves(figures, run.steps(), rows, provenRows, labelled.reference());
            int[] shape = run.game().observationShape(); // [planes, rows, cols]
            figures.image("search-disagreements", SearchFigures.boards(top.subList(0, Math.min(DRAWN, top.size())),
                    shape[1], shape[2], String.format(Locale.ROOT, "Where network and search disagree most"
                            + " (checkpoint %d, %d simulations; best moves by %s)", last, run.simulations(),
                            labelled.reference())));
        }
        List<Path> written = figures.writeReport(dir, withFigures, FILE, root);
        out.printf(Locale.ROOT, "  (analysis took %.1f s)%n", (System.nanoTime() - start) / 1e9);
        return written;
    }

    private static void print(PrintWriter out, long step, String subset, SearchSummary s) {
        out.printf(Locale.ROOT, "  %9d  %6s %4d  %7.3f  %10.3f  %10.3f  %13.3f  %17.3f  %5.3f  %.1e%n", step, subset,
                s.positions(), s.networkAccuracy(), s.networkValueError(), s.searchAccuracy(), s.searchValueError(),
                s.meanKlVisitsPrior(), s.agreement(), s.priorSumError());
    }

    private static JsonObject row(SearchSummary s) {
        JsonObject o = new JsonObject();
        o.addProperty("positions", s.positions());
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
        o.addProperty("proven", v.position().proven());
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
