package dev.lantern.app.analyze;

import com.google.gson.JsonObject;
import dev.lantern.analysis.circuits.WhatWhenWhere;
import dev.lantern.analysis.games.GameConceptProbe;
import dev.lantern.analysis.search.LabelledPositions;
import dev.lantern.agents.api.Inspectable;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.engine.GameCheckpoint;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gameConcepts}: what-when-where for a game run (issue 12, point 5): the exact tic-tac-toe concepts (win now,
 * opponent threat, forks, centre, stones, minimax value; {@link dev.lantern.analysis.games.GameConcepts}) over every
 * reachable non-terminal position, or connect-four's (wins at once, threats, centre-column stones, stones, the
 * alpha-beta value; {@link dev.lantern.analysis.games.ConnectFourConcepts}) over the analysis' sample, probed at
 * every layer of every checkpoint ({@link GameConceptProbe}), each cell
 * with its shuffled-labels control and the run's untrained network as the random-initialisation control; the figure
 * {@value #FIGURE} draws it as the grid runs' what-when-where is drawn ({@link ProbeHeatmap}).
 *
 * <pre>{@code
 * JsonObject json = new GameConceptSection(probeSeed).write(GameCheckpoint.load(run), figures, out);
 * }</pre>
 *
 * <p>The JSON has {@code game}, {@code positions}, then the grid's axes and cells as {@code whatWhenWhere} writes
 * them ({@code checkpoints}, {@code sites}, {@code concepts}, {@code rows}, {@code randomInit}).
 */
public final class GameConceptSection {

    /** The report member this section would be written under. */
    public static final String MEMBER = "gameConcepts";
    /** The figure's name. */
    public static final String FIGURE = "game-concepts";

    private final long seed;

    /** A section whose probe splits and shuffles are drawn from {@code seed}. */
    public GameConceptSection(long seed) {
        this.seed = seed;
    }

    /**
     * The what-when-where of {@code run}'s checkpoints (every one, or only the one {@link GameCheckpoint#at} kept),
     * the run's untrained network as the random-initialisation control.
     *
     * @throws IllegalArgumentException if the run's game has no concepts (only tic-tac-toe has)
     * @throws ConfigException          if a checkpoint's network cannot be read or inspected
     */
    public WhatWhenWhere probe(GameCheckpoint run) {
        return probe(GameConceptProbe.of(run.game(), seed), run);
    }

    private static WhatWhenWhere probe(GameConceptProbe probe, GameCheckpoint run) {
        List<GameConceptProbe.Checkpoint> checkpoints = new ArrayList<>();
        for (long step : run.steps()) {
            if (!(run.view(step) instanceof Inspectable network)) {
                throw new ConfigException(List.of(run.run() + ": agent '" + run.experiment().agent().type()
                        + "' has a network that cannot be inspected"));
            }
            checkpoints.add(new GameConceptProbe.Checkpoint(step, network.inspect()));
        }
        return probe.probe(checkpoints, run.untrained());
    }

    /**
     * Probes {@code run}, adds the figure {@value #FIGURE} to {@code figures}, prints each concept's best layer at the
     * first and last checkpoint with its controls to {@code out}, and returns the table as JSON.
     *
     * @throws IllegalArgumentException if the run's game has no concepts (only tic-tac-toe has)
     */
    public JsonObject write(GameCheckpoint run, Figures figures, PrintWriter out) {
        return write(GameConceptProbe.of(run.game(), seed), run, figures, out);
    }

    /**
     * As {@link #write(GameCheckpoint, Figures, PrintWriter)} over {@code labelled}'s positions (a connect-four
     * sample, or every tic-tac-toe position), the concepts of its game.
     *
     * @throws IllegalArgumentException if the game has no concepts
     */
    public JsonObject write(GameCheckpoint run, LabelledPositions labelled, Figures figures, PrintWriter out) {
        return write(GameConceptProbe.of(labelled, seed), run, figures, out);
    }

    private static JsonObject write(GameConceptProbe probe, GameCheckpoint run, Figures figures, PrintWriter out) {
        WhatWhenWhere www = probe(probe, run);
        JsonObject json = new JsonObject();
        json.addProperty("game", run.game().id());
        json.addProperty("positions", probe.positions().size());
        WhatWhenWhereSection.table(json, www);
        WhatWhenWhereSection.summary(out, www);
        figures.image(FIGURE, ProbeHeatmap.render(www, run.game().id()));
        return json;
    }
}
