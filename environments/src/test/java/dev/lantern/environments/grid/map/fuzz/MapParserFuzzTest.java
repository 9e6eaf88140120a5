package dev.lantern.environments.grid.map.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lantern.environments.api.MapFormatException;
import dev.lantern.environments.api.MapProblem;
import dev.lantern.environments.api.StepResult;
import dev.lantern.environments.grid.GridChannels;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.grid.solve.GridSolution;
import dev.lantern.environments.grid.solve.ValueIteration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Fuzz test of the map parser: any text yields a usable map or a {@link MapFormatException} whose every problem is
 * located, never another exception and never a hang.
 *
 * <p>In a normal build ({@code mvn verify}) this runs in Jazzer's regression mode: only the seed corpus in
 * {@code src/test/resources/dev/lantern/environments/grid/fuzz/MapParserFuzzTestInputs/parseAnyText/} is executed,
 * in well under a second, with no native setup. To fuzz (Linux x86-64, macOS or Windows; the native agent ships in the
 * jazzer jar):
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -pl environments test -Dtest=MapParserFuzzTest
 * </pre>
 * which fuzzes for {@code @FuzzTest}'s default {@code maxDuration} of 5 minutes (about 200 000 inputs).
 * A crashing input is written into that inputs directory, so it becomes a regression input of the normal build;
 * the generated corpus goes to {@code environments/.cifuzz-corpus/} (not versioned).
 */
class MapParserFuzzTest {

    /** Inputs are cut to this many bytes: the parser's cost grows with the map, the fuzzer looks for logic errors. */
    static final int MAX_INPUT_BYTES = 4096;
    /** Per-input limit; a valid 4 KB map parses and solves in milliseconds, so this only catches hangs. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * Value iteration is exact over (free cell x reachable keys mask); with 16 keys in an open area that is up to
     * cells x 2^16 states by design, so it is solved only when the state space is bounded by this.
     */
    static final long MAX_SOLVED_STATES = 1L << 18;

    static final String SOURCE = "fuzz.txt";

    @FuzzTest
    void parseAnyText(byte[] input) {
        byte[] bytes = input.length > MAX_INPUT_BYTES ? Arrays.copyOf(input, MAX_INPUT_BYTES) : input;
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTimeoutPreemptively(TIMEOUT, () -> check(text), () -> "hang on input " + quote(text));
    }

    private static void check(String text) {
        GridMap map;
        try {
            map = GridMapParser.parse(SOURCE, text);
        } catch (MapFormatException e) {
            checkProblems(e, text);
            return;
        }
        checkMap(map, text);
    }

    private static void checkProblems(MapFormatException e, String text) {
        assertFalse(e.problems().isEmpty(), "no problems in " + e);
        for (MapProblem p : e.problems()) {
            String where = p + " for input " + quote(text);
            assertEquals(SOURCE, p.source(), where);
            assertTrue(p.line() >= 0 && p.column() >= 0, where);
            assertNotNull(p.message(), where);
            assertFalse(p.message().isBlank(), where);
            if (p.line() == 0) { // only a problem about the whole input may have no line
                assertEquals(0, p.column(), where);
            } else {
                assertTrue(p.column() >= 1, where);
                assertTrue(p.line() <= lineCount(text), "line past the end: " + where);
            }
        }
        for (int i = 1; i < e.problems().size(); i++) {
            MapProblem a = e.problems().get(i - 1);
            MapProblem b = e.problems().get(i);
            assertTrue(a.line() < b.line() || (a.line() == b.line() && a.column() <= b.column()),
                    "problems not sorted: " + e.getMessage());
        }
    }

    private static void checkMap(GridMap map, String text) {
        assertEquals(SOURCE, map.sourceName());
        assertTrue(map.height() >= 1 && map.width() >= 1, "empty map from " + quote(text));
        assertTrue(map.contains(map.start().row(), map.start().col()), "start outside the map");
        assertTrue(map.keyCount() <= GridMap.MAX_KEYS, "too many keys accepted");
        // The canonical text parses to the same map.
        assertEquals(map.text(), GridMapParser.parse(SOURCE, map.text()).text());

        GridWorld world = new GridWorld("fuzz", map, 50);
        int obsSize = GridChannels.COUNT * map.height() * map.width();
        for (int action = 0; action < 4; action++) {
            assertEquals(obsSize, world.reset(action).length);
            for (int step = 0; step < 5 && !world.episodeOver(); step++) {
                StepResult r = world.step(action);
                assertEquals(obsSize, r.observation().length);
                assertTrue(Double.isFinite(r.reward()));
            }
        }
        world.reset(0);
        for (int step = 0; step < 60 && !world.episodeOver(); step++) {
            world.step(step % 4);
        }
        assertTrue(world.episodeOver(), "the time limit of 50 steps did not end the episode");
        assertNotNull(world.render());

        long states = (long) world.freeCells().size() << map.keyCount();
        if (states <= MAX_SOLVED_STATES) {
            GridSolution solution = ValueIteration.solve(world, 0.9);
            double v = solution.optimalReturn();
            if (Double.isNaN(v)) {
                fail("NaN optimal return for " + quote(text));
            }
        }
    }

    private static int lineCount(String text) {
        return (int) text.chars().filter(c -> c == '\n').count() + 1;
    }

    private static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        text.codePoints().limit(300).forEach(c -> {
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20 || c == 0x7f || c > 0x7e) {
                sb.append(String.format("\\u{%x}", c));
            } else {
                sb.append((char) c);
            }
        });
        return sb.append(text.length() > 300 ? "...\"" : "\"").toString();
    }
}
