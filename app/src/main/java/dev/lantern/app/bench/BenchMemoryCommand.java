package dev.lantern.app.bench;

import dev.lantern.agents.train.Recorder;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.config.ExperimentLoader;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.app.engine.ExperimentRun;
import dev.lantern.agents.train.RunOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Pointer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern bench memory}: trains an experiment in this process, LCA off, into a temporary run directory (metrics
 * and checkpoints written as by {@code lantern run --no-lca}, the directory deleted afterwards), and prints the
 * process's resident memory ({@code VmRSS}) at every tenth of the budget, with the Java heap in use and committed; then
 * the RSS growth after warm-up, from the 10% sample to the 100% sample. RSS is what counts: ND4J's native buffers live
 * outside the heap, and neither ND4J nor JavaCPP counts them on the CPU backend. A learner that releases its native
 * buffers as it goes keeps RSS flat; one that leaves them to the garbage collector grows until a collection frees
 * them, which a large heap with little garbage of its own puts off for a long time.
 */
@Command(name = "memory", description = "RSS, heap and native bytes at every 10% of a training run (LCA off).")
final class BenchMemoryCommand extends LanternCommand {

    /** Samples per run: one at every tenth of the budget. */
    static final int SAMPLES = 10;

    @Option(names = "--config", paramLabel = "FILE", description = "experiment file (default: the default experiment, "
            + "PPO on four-rooms)")
    private Path config;

    @Option(names = "--steps", paramLabel = "N", description = "environment steps to train (default: 1000000)")
    private long steps = 1_000_000;

    /** One sample: the env step it was taken after, RSS, heap used and heap committed, in bytes. */
    record Sample(long envStep, long rssBytes, long heapUsedBytes, long heapCommittedBytes) {
    }

    @Override
    protected int execute() {
        BenchArguments args = new BenchArguments().require(steps >= 100 && steps <= 1_000_000_000L,
                "--steps: must be in [100, 1000000000], got " + steps);
        Experiment base = null;
        if (config != null) {
            try {
                base = ExperimentLoader.load(config);
            } catch (ConfigException ex) {
                ex.problems().forEach(p -> args.require(false, p));
            }
        }
        args.reject();
        Experiment e = (base == null ? ExperimentLoader.defaults() : base).withLca(false).withTotalEnvSteps(steps);
        PrintWriter out = out();
        Path tmp;
        try {
            tmp = Files.createTempDirectory("lantern-bench-memory");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        try {
            Sampler sampler = new Sampler(steps);
            ExperimentRun run = ExperimentRun.builder(e).runDirectory(tmp.resolve("run")).observer(sampler).build();
            out.printf(Locale.ROOT, "lantern bench memory: %s on %s, %s, seed %d, %,d env steps, LCA off, in-process, "
                    + "run directory in %s (deleted after)%n", e.name(), run.envId(), e.agentType().toUpperCase(Locale.ROOT),
                    e.seed(), steps, tmp);
            out.printf(Locale.ROOT, "JVM %s, max heap %,d MiB, %s; OMP_NUM_THREADS=%s%n", System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20, String.join(" ",
                            ManagementFactory.getRuntimeMXBean().getInputArguments()),
                    System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)"));
            out.printf(Locale.ROOT, "%8s %14s %10s %14s %19s%n", "progress", "env steps", "RSS MiB", "heap used MiB",
                    "heap committed MiB");
            out.flush();
            sampler.out = out;
            RunOutcome outcome = run.run();
            if (!outcome.status().equals("completed")) {
                err().println("lantern bench memory: the run " + outcome.status()
                        + (outcome.failure() == null ? "" : ": " + outcome.failure()));
                return FAILED;
            }
            List<Sample> s = sampler.samples;
            Sample warm = s.get(0);
            Sample last = s.get(s.size() - 1);
            out.printf(Locale.ROOT, "RSS growth after warm-up (10%% -> 100%%): %+.1f%% (%,d -> %,d MiB, %+.0f bytes per "
                    + "env step)%n", growthPercent(warm.rssBytes(), last.rssBytes()), warm.rssBytes() >> 20,
                    last.rssBytes() >> 20, (last.rssBytes() - warm.rssBytes()) / (double) (last.envStep() - warm.envStep()));
            out.flush();
            return 0;
        } finally {
            deleteTree(tmp);
        }
    }

    /** {@code 100 (to - from) / from}. */
    static double growthPercent(long from, long to) {
        return 100.0 * (to - from) / from;
    }

    /** Takes a {@link Sample} at the first iteration end at or past every tenth of the budget, and prints it. */
    static final class Sampler implements Recorder {
        private final long total;
        final List<Sample> samples = new ArrayList<>();
        PrintWriter out;

        Sampler(long total) {
            this.total = total;
        }

        @Override
        public void iterationEnded(long iteration, long envStep) {
            while (samples.size() < SAMPLES && envStep >= total * (samples.size() + 1) / SAMPLES) {
                Sample s = sample(envStep);
                samples.add(s);
                out.printf(Locale.ROOT, "%7d%% %,14d %,10.1f %,14.1f %,19.1f%n", 100 * samples.size() / SAMPLES,
                        envStep, s.rssBytes() / 1048576.0, s.heapUsedBytes() / 1048576.0,
                        s.heapCommittedBytes() / 1048576.0);
                out.flush();
            }
        }
    }

    /** The process's RSS now ({@code VmRSS} of {@code /proc/self/status}; JavaCPP's reading where there is none). */
    static Sample sample(long envStep) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Sample(envStep, rssBytes(), heap.getUsed(), heap.getCommitted());
    }

    private static long rssBytes() {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            try (Stream<String> lines = Files.lines(status)) {
                String kb = lines.filter(l -> l.startsWith("VmRSS:")).findFirst().orElse("")
                        .replaceAll("[^0-9]", "");
                if (!kb.isEmpty()) {
                    return Long.parseLong(kb) * 1024;
                }
            } catch (IOException | UncheckedIOException ignored) {
                // fall through to JavaCPP's own reading
            }
        }
        return Pointer.physicalBytes();
    }

    /** Deletes {@code dir} and everything under it, quietly (a benchmark's temporary folder). */
    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory left behind is not worth failing the benchmark for
        }
    }
}
