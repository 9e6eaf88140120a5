package dev.lantern.app.bench;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.StateBatch;
import dev.lantern.analysis.dynamics.CkaMatrix;
import dev.lantern.analysis.dynamics.CkaRepresentation;
import dev.lantern.analysis.dynamics.SiteSimilarity;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern bench cka}: seconds for representation similarity across checkpoints x sites x seeds: every
 * representation (one site of one seed's checkpoint over every state of the grid world) against every other, linear
 * and debiased CKA, in one {@link CkaMatrix}; with and without recording the activations (one
 * {@link ActivationAtlas} a checkpoint). The checkpoints are freshly initialised 64-64 float actor-critics of the
 * default PPO config, one init seed each (nothing is trained: CKA's cost does not depend on the weights). One thread;
 * the first repetition (cold, JIT included) and the median of the rest are printed.
 */
@Command(name = "cka", description = "Seconds for CKA across checkpoints x sites x seeds of a 64-64 PPO net.")
final class BenchCkaCommand extends LanternCommand {

    @Option(names = "--env", paramLabel = "ID", description = "grid environment (default: grid/four-rooms-v1)")
    private String env = "grid/four-rooms-v1";

    @Option(names = "--checkpoints", paramLabel = "N", description = "checkpoints per seed (default: 10)")
    private int checkpoints = 10;

    @Option(names = "--sites", paramLabel = "N", description = "sites per checkpoint, the first N after the input "
            + "(default: 5)")
    private int sites = 5;

    @Option(names = "--seeds", paramLabel = "N", description = "seeds (default: 2)")
    private int seeds = 2;

    @Option(names = "--repetitions", paramLabel = "N", description = "repetitions after the cold one (default: 5)")
    private int repetitions = 5;

    @Override
    protected int execute() {
        new BenchArguments()
                .gridEnvironment(env)
                .inRange("--checkpoints", checkpoints, 1, 1000)
                .inRange("--sites", sites, 1, 6)
                .inRange("--seeds", seeds, 1, 100)
                .inRange("--repetitions", repetitions, 1, 100)
                .reject();
        StateBatch states = StateBatch.of(EnvRegistry.make(env));
        List<InspectableNetwork> nets = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            for (int c = 0; c < checkpoints; c++) {
                nets.add(ActorCriticNet.create(states.observationSize(), 4, new int[] {64, 64}, 2e-3, 0,
                        1000L * (s + 1) + c, DataType.FLOAT).inspect());
            }
        }
        PrintWriter out = out();
        List<String> names = SiteSimilarity.sites(ActivationAtlas.record(nets.get(0), states)).subList(0, sites);
        int reps = nets.size() * sites;
        out.printf(Locale.ROOT, "lantern bench cka: %s, %d states; %d checkpoints x %d sites x %d seeds = %d "
                + "representations, %,d pairs (every pair within and across the seeds, and each with itself), linear "
                + "and debiased; one thread%n", env, states.size(), checkpoints, sites, seeds, reps,
                (long) reps * (reps + 1) / 2);
        out.printf(Locale.ROOT, "checkpoints: untrained 64-64 float actor-critics of the default PPO config, init "
                + "seeds 1000 x seed + checkpoint (nothing trained); sites %s%n", String.join(", ", names));
        double[] recordS = new double[repetitions + 1];
        double[] ckaS = new double[repetitions + 1];
        double error = 0;
        for (int r = 0; r <= repetitions; r++) {
            long t0 = System.nanoTime();
            List<ActivationAtlas> atlases = nets.stream().map(n -> ActivationAtlas.record(n, states)).toList();
            long t1 = System.nanoTime();
            List<CkaRepresentation> all = new ArrayList<>();
            for (int a = 0; a < atlases.size(); a++) {
                for (String site : names) {
                    all.add(CkaRepresentation.of(a + ":" + site, atlases.get(a).activations(site)));
                }
            }
            CkaMatrix m = CkaMatrix.symmetric(all);
            long t2 = System.nanoTime();
            recordS[r] = (t1 - t0) / 1e9;
            ckaS[r] = (t2 - t1) / 1e9;
            error = Math.max(error, m.selfCheckError());
        }
        row(out, "CKA only (activations recorded beforehand)", ckaS[0], median(ckaS));
        row(out, "recording the activations", recordS[0], median(recordS));
        double[] both = new double[repetitions + 1];
        Arrays.setAll(both, i -> recordS[i] + ckaS[i]);
        row(out, "CKA including recording the activations", both[0], median(both));
        out.printf(Locale.ROOT, "X,X self-check error (largest |CKA(X, X) - 1|) %.1e; target: under 5 s%n", error);
        out.flush();
        return 0;
    }

    private static void row(PrintWriter out, String what, double cold, double warm) {
        out.printf(Locale.ROOT, "%-44s cold %7.3f s   warm (median) %7.3f s%n", what, cold, warm);
    }

    /** The median of the repetitions after the cold one. */
    private static double median(double[] seconds) {
        double[] warm = Arrays.copyOfRange(seconds, 1, seconds.length);
        Arrays.sort(warm);
        int n = warm.length;
        return n % 2 == 1 ? warm[n / 2] : (warm[n / 2 - 1] + warm[n / 2]) / 2;
    }
}
