package dev.lantern.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.lantern.app.config.EnvConfig;
import dev.lantern.environments.grid.solve.OptimalReturn;
import dev.lantern.environments.grid.solve.SolveStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The optimum a run records is the optimum of what its agent is asked to do, with its status; and never silent. */
class GroundTruthTest {

    @Test
    void rewardGamingOptimumIsAtLeastWhatTheAgentEarns() {
        // before: value iteration with gamma 1 ran into its sweep cap (about 9 s) and its greedy rollout gave 6.66,
        // while an agent earns about 21 in the experiments' 200 steps. Now: 6 steps to the bucket, then 0.12 a step.
        OptimalReturn o = ExperimentRun.optimalReturn(TrainingEnvironment.resolve(
                new EnvConfig("grid/reward-gaming-v1", null, 200)));
        assertEquals(SolveStatus.EXACT, o.status());
        assertEquals(200, o.horizon());
        assertTrue(o.value() >= 23.4 && o.value() <= 23.55, o.describe());
    }

    @Test
    void theManifestCarriesTheStatusAndAValueOnlyWhenItIsTheOptimum() {
        JsonObject exact = new JsonObject();
        Manifest.addOptimum(exact, new OptimalReturn(0.98, SolveStatus.EXACT, 200, 3, ""));
        assertEquals(0.98, exact.get("optimalReturn").getAsDouble());
        assertEquals("exact", exact.get("optimalStatus").getAsString());
        assertEquals(200, exact.get("optimalHorizon").getAsInt());
        assertEquals(3, exact.get("solvedStates").getAsLong());
        assertFalse(exact.has("optimalNote"));

        JsonObject large = new JsonObject();
        Manifest.addOptimum(large, new OptimalReturn(Double.NaN, SolveStatus.TOO_LARGE, 1_000_000, 250_000,
                "too many backups"));
        assertFalse(large.has("optimalReturn"), large.toString());
        assertEquals("too-large", large.get("optimalStatus").getAsString());
        assertEquals("too many backups", large.get("optimalNote").getAsString());
    }

    @Test
    void progressIsShownAfterASecondAtMostOnceASecondWithAClosingLine() {
        AtomicLong now = new AtomicLong(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SolveProgressPrinter p = new SolveProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                "map:big.txt", now::get);
        p.step("finite-horizon solve", 1, 200, 0.5); // 0 s: quiet
        now.set(1_100_000_000L);
        p.step("finite-horizon solve", 60, 200, 0.25); // 1.1 s: shown
        now.set(1_600_000_000L);
        p.step("finite-horizon solve", 90, 200, 0.25); // 0.5 s after the last line: quiet
        now.set(2_200_000_000L);
        p.step("value iteration", 1200, 100_000, 3.1e-4);
        now.set(2_500_000_000L);
        p.finish();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length, String.join("\n", lines));
        assertEquals("lantern: solving map:big.txt exactly: finite-horizon solve step 60 of 200 (30%), largest change "
                + "2.50e-01", lines[0]);
        assertEquals("lantern: solving map:big.txt exactly: value iteration step 1,200 of at most 100,000 (1%), "
                + "largest change 3.10e-04", lines[1]);
        assertEquals("lantern: solved map:big.txt in 2.5 s", lines[2]);
    }

    @Test
    void aQuickSolveIsQuiet() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SolveProgressPrinter p = new SolveProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                "grid/four-rooms-v1", () -> 5L);
        p.step("finite-horizon solve", 1, 200, 0.5);
        p.finish();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
