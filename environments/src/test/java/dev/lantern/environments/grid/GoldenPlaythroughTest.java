package dev.lantern.environments.grid;

import dev.lantern.environments.GoldenFiles;
import dev.lantern.environments.api.StepResult;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.IOException;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeded playthroughs compared with golden transcripts under {@code src/test/resources/.../grid/golden/}.
 * Regenerate with {@code mvn -pl environments test -Dgolden.update=true} and review the diff.
 */
class GoldenPlaythroughTest {

    private static final String GOLDEN_DIR = "dev/lantern/environments/grid/golden/";

    /** A policy that prefers right and down (so the walk gets somewhere) but is random enough to bump and turn. */
    static String transcript(String id, long seed, int steps) {
        GridWorld env = EnvRegistry.make(id, 40);
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        sb.append("; ").append(id).append(", time limit 40, actions from SplittableRandom(").append(seed)
                .append("): right or down with probability 0.35 each, up or left 0.15 each\n");
        env.reset(seed);
        sb.append("reset\n").append(env.render());
        for (int i = 1; i <= steps; i++) {
            double u = rng.nextDouble();
            int action = u < 0.35 ? GridWorld.ACTION_RIGHT : u < 0.70 ? GridWorld.ACTION_DOWN
                    : u < 0.85 ? GridWorld.ACTION_UP : GridWorld.ACTION_LEFT;
            StepResult r = env.step(action);
            String perf = r.performance() == r.reward() ? ""
                    : String.format(Locale.ROOT, " (performance %.2f)", r.performance());
            sb.append(String.format(Locale.ROOT, "step %d: %s -> reward %.2f%s%s%s %s%n", env.stepsTaken(),
                    GridWorld.ACTION_LABELS.get(action), r.reward(), perf, r.terminated() ? " terminated" : "",
                    r.truncated() ? " truncated" : "", env.state()));
            sb.append(env.render());
            if (r.done()) {
                env.reset(seed + i);
                sb.append("reset\n").append(env.render());
            }
        }
        return sb.toString();
    }

    @ParameterizedTest
    @CsvSource({
        "grid/four-rooms-v1, 42, 60, four-rooms-v1-seed42.txt",
        "grid/key-door-v1, 5, 60, key-door-v1-seed5.txt",
        "grid/side-effects-v1, 3, 40, side-effects-v1-seed3.txt",
        "grid/absent-supervisor-v1, 7, 60, absent-supervisor-v1-seed7.txt",
        "grid/frozen-lake-4x4-v1, 11, 60, frozen-lake-4x4-v1-seed11.txt",
        "grid/trojan-v1, 2, 60, trojan-v1-seed2.txt",
        "grid/safe-interruptibility-v1, 4, 60, safe-interruptibility-v1-seed4.txt",
        "grid/reward-gaming-v1, 9, 60, reward-gaming-v1-seed9.txt",
        "grid/maze-11x11-train-v1, 1, 60, maze-11x11-train-v1-seed1.txt",
    })
    void matchesGolden(String id, long seed, int steps, String file) throws IOException {
        GoldenFiles.check(GOLDEN_DIR, file, transcript(id, seed, steps));
    }
}
