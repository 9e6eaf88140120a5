package dev.lantern.app.bench;

import dev.lantern.app.console.LanternCommand;
import dev.lantern.app.lab.LabBenchRun;
import dev.lantern.app.lab.ThreadCpu;
import dev.lantern.app.lab.LabSettings;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern bench lab}: what the lab costs training, measured in one run. The same lab experiment (PPO defaults,
 * LCA on) is trained with the lab closed (no window), open on its grid and charts, and open on its circuit panel (one
 * cell hovered, one neuron inspected), {@code --rounds} times in turn ({@code --modes} picks which), and, as floors,
 * beside a bare window of the lab's size redrawn 30 times a second and beside one spinning thread (no lab: what any
 * window, or any busy core, costs training on this machine). Before the timed rounds, untimed warm-up rounds (circuit
 * panel, charts, closed: 81,920 steps each) run until the JIT used at most {@value #QUIET_JIT_CORES} cores in each of
 * their runs (at most {@value #MAX_WARM_UPS} rounds; each run opens a new window and builds a new network, new code
 * for the JIT for minutes, which would otherwise be counted against the lab). Printed per run and as means: training
 * env steps/s, updates/s, frames the lab received per second, the distinct frames the grid and the circuit view drew
 * per second (frames with new data, not redraws), the cores each kind of thread used ({@link ThreadCpu}: the JIT's
 * compilers apart), with the ratios of the open lab's training speed to the closed one's. Needs a display (a real one,
 * or Xvfb: {@code Xvfb :99 &} then {@code DISPLAY=:99}).
 */
@Command(name = "lab", description = "Training speed with the lab closed vs open on its circuit view, and the circuit "
        + "view's distinct frames per second (needs a display; Xvfb will do).")
final class BenchLabCommand extends LanternCommand {

    @Option(names = "--env", paramLabel = "ID", description = "environment (default: grid/four-rooms-v1)")
    private String env = "grid/four-rooms-v1";

    @Option(names = "--steps", paramLabel = "N", description = "env steps per run (default: 81920)")
    private long steps = 81_920;

    /** Env steps of each warm-up run (circuits, charts, closed). */
    private static final long WARM_UP_STEPS = 81_920;
    /** The JIT counts as quiet when it used at most this many cores in each run of a warm-up round. */
    static final double QUIET_JIT_CORES = 0.05;
    /** Most warm-up rounds by default. */
    static final int MAX_WARM_UPS = 6;

    @Option(names = "--warm-ups", paramLabel = "N",
            description = "most untimed warm-up rounds, ended early once the JIT is quiet (default: 6; 0 skips them,"
                    + " for a quick look: the JIT then counts against the lab)")
    private int warmUps = MAX_WARM_UPS;

    @Option(names = "--rounds", paramLabel = "N",
            description = "rounds of closed / charts / circuits / bare window / spinning thread (default: 2)")
    private int rounds = 2;

    @Option(names = "--modes", paramLabel = "MODE", split = ",",
            description = "what each round measures, in order (default: closed,charts,circuits,bare_window,"
                    + "spinning_thread)")
    private List<String> modes = modeNames();

    @Override
    protected int execute() {
        new BenchArguments()
                .require(EnvRegistry.ids().contains(env),
                        "--env: unknown environment '" + env + "' (known: " + String.join(", ", EnvRegistry.ids()) + ")")
                .require(steps >= 4_096 && steps <= 10_000_000, "--steps: must be in [4096, 10000000], got " + steps)
                .inRange("--rounds", rounds, 1, 10)
                .inRange("--warm-ups", warmUps, 0, 20)
                .require(!modes.isEmpty() && modes.stream().allMatch(BenchLabCommand::knownMode),
                        "--modes: each must be one of " + modeNames() + ", got " + modes)
                .reject();
        List<LabBenchRun.Mode> measured = modes.stream().map(m -> LabBenchRun.Mode.valueOf(m.toUpperCase(Locale.ROOT)))
                .toList();
        PrintWriter out = out();
        LabSettings settings = new LabSettings(env, 1, steps, true);
        out.printf(Locale.ROOT, "lantern bench lab: %s, PPO defaults, LCA on, %,d env steps per run, %d rounds, "
                + "%d cores, display %s%n", env, steps, rounds, Runtime.getRuntime().availableProcessors(),
                System.getenv().getOrDefault("DISPLAY", "(none)"));
        out.printf(Locale.ROOT, "%-9s %-6s %12s %10s %14s %15s %18s %10s %8s%n", "lab", "round", "env steps/s",
                "updates/s", "lab frames/s", "grid frames/s", "circuit frames/s", "recycled", "seconds");
        Map<LabBenchRun.Mode, List<LabBenchRun.Figures>> all = new EnumMap<>(LabBenchRun.Mode.class);
        try {
            // warm-up, not counted: the JIT (it compiles for most of a core during the first minutes of a lab, which
            // short runs would count against the lab), the JavaFX toolkit and the first window's layout; repeated until
            // the JIT is quiet (every run of a round opens a new window and a new network, new code for a while)
            for (int w = 1; w <= warmUps; w++) {
                double jit = 0;
                for (LabBenchRun.Mode mode : List.of(LabBenchRun.Mode.CIRCUITS, LabBenchRun.Mode.CHARTS,
                        LabBenchRun.Mode.CLOSED)) {
                    LabBenchRun.Figures f = LabBenchRun.measure(new LabSettings(env, 1, WARM_UP_STEPS, true), mode);
                    jit = Math.max(jit, f.cores().getOrDefault(ThreadCpu.Kind.JIT, 0.0));
                }
                out.printf(Locale.ROOT, "warm-up %d (circuits, charts, closed): the JIT used up to %.3f cores%s%n", w,
                        jit, jit <= QUIET_JIT_CORES ? " (quiet)" : w == warmUps ? " (still busy: figures below"
                                + " include it)" : "");
                out.flush();
                if (jit <= QUIET_JIT_CORES) {
                    break;
                }
            }
            for (int r = 1; r <= rounds; r++) {
                for (LabBenchRun.Mode mode : measured) {
                    LabBenchRun.Figures f = LabBenchRun.measure(settings, mode);
                    all.computeIfAbsent(mode, m -> new ArrayList<>()).add(f);
                    out.printf(Locale.ROOT, "%-9s %-6d %,12.0f %10.1f %14.1f %15.1f %18.1f %10s %8.1f%n",
                            mode.name().toLowerCase(Locale.ROOT), r, f.envStepsPerSecond(), f.updatesPerSecond(),
                            f.feedFramesPerSecond(), f.gridFramesPerSecond(), f.circuitFramesPerSecond(),
                            Double.isNaN(f.recycledShare()) ? "-" : String.format(Locale.ROOT, "%.0f%%",
                                    100 * f.recycledShare()), f.seconds());
                    out.printf(Locale.ROOT, "          cores used: %s%n", ThreadCpu.describe(f.cores()));
                    out.flush();
                }
            }
        } catch (UnsupportedOperationException | IllegalStateException e) {
            out.println("lantern bench lab: " + e.getMessage() + " (the lab needs a display: Xvfb :99 & DISPLAY=:99)");
            return 2;
        } catch (Exception e) {
            throw new IllegalStateException("bench lab failed: " + e, e);
        } finally {
            LabBenchRun.shutdown();
        }
        double closed = mean(all.get(LabBenchRun.Mode.CLOSED), LabBenchRun.Figures::envStepsPerSecond);
        double charts = mean(all.get(LabBenchRun.Mode.CHARTS), LabBenchRun.Figures::envStepsPerSecond);
        double circuits = mean(all.get(LabBenchRun.Mode.CIRCUITS), LabBenchRun.Figures::envStepsPerSecond);
        out.printf(Locale.ROOT, "mean env steps/s: closed %,.0f, charts %,.0f, circuits %,.0f%n", closed, charts,
                circuits);
        if (all.containsKey(LabBenchRun.Mode.CLOSED) && all.containsKey(LabBenchRun.Mode.CHARTS)) {
            out.printf(Locale.ROOT, "training speed, lab open on its grid and charts / closed: %.3f (%.1f%% slower;"
                    + " target <= 10%%), grid %.1f distinct frames drawn/s (target >= 30)%n", charts / closed,
                    100 * (1 - charts / closed), mean(all.get(LabBenchRun.Mode.CHARTS),
                            LabBenchRun.Figures::gridFramesPerSecond));
        }
        if (all.containsKey(LabBenchRun.Mode.CLOSED) && all.containsKey(LabBenchRun.Mode.CIRCUITS)) {
            out.printf(Locale.ROOT, "training speed, lab open on circuits / closed: %.3f (%.1f%% slower)%n",
                    circuits / closed, 100 * (1 - circuits / closed));
        }
        if (all.containsKey(LabBenchRun.Mode.CLOSED) && all.containsKey(LabBenchRun.Mode.BARE_WINDOW)
                && all.containsKey(LabBenchRun.Mode.SPINNING_THREAD)) {
            double bare = mean(all.get(LabBenchRun.Mode.BARE_WINDOW), LabBenchRun.Figures::envStepsPerSecond);
            double spin = mean(all.get(LabBenchRun.Mode.SPINNING_THREAD), LabBenchRun.Figures::envStepsPerSecond);
            out.printf(Locale.ROOT, "floors, no lab: beside a bare window of the lab's size drawing %.1f frames/s:"
                    + " %.3f (%.1f%% slower); beside one spinning thread: %.3f (%.1f%% slower)%n",
                    mean(all.get(LabBenchRun.Mode.BARE_WINDOW), LabBenchRun.Figures::gridFramesPerSecond),
                    bare / closed, 100 * (1 - bare / closed), spin / closed, 100 * (1 - spin / closed));
        }
        if (all.containsKey(LabBenchRun.Mode.CIRCUITS)) {
            out.printf(Locale.ROOT, "circuit view: %.1f distinct frames drawn/s, lab frames received %.1f/s,"
                    + " updates %.1f/s%n", mean(all.get(LabBenchRun.Mode.CIRCUITS),
                            LabBenchRun.Figures::circuitFramesPerSecond),
                    mean(all.get(LabBenchRun.Mode.CIRCUITS), LabBenchRun.Figures::feedFramesPerSecond),
                    mean(all.get(LabBenchRun.Mode.CIRCUITS), LabBenchRun.Figures::updatesPerSecond));
        }
        out.flush();
        return 0;
    }

    private static List<String> modeNames() {
        return Arrays.stream(LabBenchRun.Mode.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static boolean knownMode(String m) {
        return modeNames().contains(m.toLowerCase(Locale.ROOT));
    }

    private static double mean(List<LabBenchRun.Figures> runs, java.util.function.ToDoubleFunction<LabBenchRun.Figures> f) {
        return runs == null ? Double.NaN : runs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
