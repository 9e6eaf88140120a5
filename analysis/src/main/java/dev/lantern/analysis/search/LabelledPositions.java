package dev.lantern.analysis.search;

import dev.lantern.environments.board.Game;
import java.util.List;

/**
 * Non-terminal positions of a game, each with a reference value and best-move set for the player to move: what search
 * introspection and the game-concept probes measure against. Either every reachable position solved exactly
 * ({@link ExactPositions#of}, tic-tac-toe) or a seeded sample labelled by a depth-limited search
 * ({@link AlphaBetaPositions#sample}, connect-four), whose {@link ExactPosition#proven() proven} positions carry
 * exact labels and the rest the search's.
 */
public interface LabelledPositions {

    /** The game the positions belong to. */
    Game game();

    /** The positions in a fixed order (index {@code i} is position {@code i} of every report), at least one. */
    List<ExactPosition> positions();

    /** What the labels are, for titles and reports, e.g. {@code "minimax (exact)"} or {@code "alpha-beta depth 8"}. */
    String reference();

    /** How the positions were chosen and labelled, one paragraph for a report's {@code definitions}. */
    String description();

    /** The number of positions whose labels are exact. */
    default long provenCount() {
        return positions().stream().filter(ExactPosition::proven).count();
    }
}
