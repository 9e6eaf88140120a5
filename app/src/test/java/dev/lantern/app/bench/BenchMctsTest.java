package dev.lantern.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.cli.CliTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lantern bench mcts}: the output format with a tiny budget. */
class BenchMctsTest {

    @Test
    void printsSimulationsPerSecond() {
        CliTest.Result r = CliTest.succeed("bench", "mcts", "--simulations", "50", "--seconds", "0.05");
        List<String> lines = r.outLines();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("lantern bench mcts: game/tic-tac-toe-v1, UCT, random rollouts, "
                + "50 simulations per search, one thread, 0.05 s"), lines.get(0));
        assertTrue(lines.get(1).matches("searches +[0-9,]+"), lines.get(1));
        assertTrue(lines.get(2).matches("simulations/s +[0-9,]+"), lines.get(2));
        long rate = Long.parseLong(lines.get(2).replaceAll("[^0-9]", ""));
        assertTrue(rate > 0, lines.get(2));
    }
}
