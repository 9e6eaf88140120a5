package dev.lantern.environments.board;

import dev.lantern.environments.GoldenFiles;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeded random playthroughs compared with golden transcripts under
 * {@code src/test/resources/dev/lantern/environments/board/golden/}. Regenerate with
 * {@code mvn -pl environments test -Dgolden.update=true} and review the diff.
 */
class GoldenPlaythroughTest {

    private static final String GOLDEN_DIR = "dev/lantern/environments/board/golden/";

    /** Uniformly random legal moves from {@code SplittableRandom(seed)} until the game ends. */
    static String transcript(Game game, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        sb.append("; ").append(game.id()).append(", uniformly random legal actions from SplittableRandom(")
                .append(seed).append(")\n");
        GameState s = game.initialState();
        sb.append("initial\n").append(s.render());
        while (!s.isTerminal()) {
            int[] legal = s.legalActions();
            int action = legal[rng.nextInt(legal.length)];
            int player = s.currentPlayer();
            s = s.next(action);
            sb.append("move ").append(s.history().length).append(": player ").append(player).append(" plays ")
                    .append(game.actionLabel(action)).append(" (").append(action).append(")")
                    .append(s.isTerminal() ? " terminal" : "").append('\n').append(s.render());
        }
        sb.append("returns ").append(Arrays.toString(s.returns())).append('\n');
        sb.append("history ").append(Arrays.toString(s.history())).append('\n');
        return sb.toString();
    }

    @ParameterizedTest
    @CsvSource({
        "game/tic-tac-toe-v1, 1, tic-tac-toe-v1-seed1.txt",
        "game/tic-tac-toe-v1, 7, tic-tac-toe-v1-seed7.txt",
        "game/connect-four-v1, 3, connect-four-v1-seed3.txt",
    })
    void matchesGolden(String id, long seed, String file) throws IOException {
        GoldenFiles.check(GOLDEN_DIR, file, transcript(GameRegistry.make(id), seed));
    }
}
