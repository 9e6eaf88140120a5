package dev.lantern.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.cli.CliTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bench command lists all its bad arguments, one a line, and exits 2 without measuring. */
class BenchArgumentsTest {

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(List.of("bench", "agents", "--seconds", "0"),
                        List.of("--seconds: must be in (0, 600], got 0.0")),
                Arguments.of(List.of("bench", "mcts", "--simulations", "0", "--seconds", "-1"),
                        List.of("--simulations: must be in [1, 1000000], got 0", "--seconds: must be in (0, 600], got -1.0")),
                Arguments.of(List.of("bench", "update", "--seconds", "0", "--repetitions", "0"),
                        List.of("--repetitions: must be in [1, 100], got 0", "--seconds: must be in (0, 600], got 0.0")),
                Arguments.of(List.of("bench", "memory", "--steps", "10", "--config", "no-such-experiment.json"),
                        List.of("--steps: must be in [100, 1000000000], got 10", "no-such-experiment.json: no such file")),
                Arguments.of(List.of("bench", "tree", "--game", "game/go-v1", "--simulations", "0", "--seconds", "0",
                        "--png", "no-such-dir/tree.png"), List.of("--game: unknown game 'game/go-v1' (known: ",
                        "--simulations: must be in [1, 1000000], got 0", "--png: no directory 'no-such-dir' to write",
                        "--seconds: must be in (0, 600], got 0.0")),
                Arguments.of(List.of("bench", "tree", "--game", "game/tic-tac-toe-v1", "--moves", "4,4"),
                        List.of("--moves: move 2, 4, is not legal in game/tic-tac-toe-v1 after [4] (legal: [0, 1, 2, 3, "
                                + "5, 6, 7, 8])")),
                Arguments.of(List.of("bench", "envs", "--env", "grid/nowhere-v1", "--copies", "0", "--seconds", "601"),
                        List.of("--env: unknown environment 'grid/nowhere-v1' (known: ",
                                "--copies: must be in [1, 65536], got 0", "--seconds: must be in (0, 600], got 601.0")));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badArgumentsAreListedAndExitTwo(List<String> args, List<String> problems) {
        CliTest.Result r = CliTest.lantern(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(problems.size(), lines.size(), r.err());
        for (int i = 0; i < problems.size(); i++) {
            assertTrue(lines.get(i).startsWith(problems.get(i)), lines.get(i));
        }
        assertEquals("", r.out());
    }
}
