package dev.lantern.app.cli;

import com.google.gson.JsonObject;
import dev.lantern.agents.train.RunOutcome;
import dev.lantern.analysis.lca.LcaRecorder;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.config.ExperimentLoader;
import dev.lantern.app.engine.ExperimentRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern run}: trains an experiment headless and leaves a run directory (DESIGN.md). Without
 * {@code --config} it runs {@code examples/four-rooms.json} from Lantern's home folder (or the built-in defaults,
 * which are the same experiment).
 */
@Command(name = "run", description = "Train an experiment headless and write a run directory.")
final class RunCommand extends LanternCommand {

    @Option(names = "--config", paramLabel = "FILE", description = "experiment file (default: examples/four-rooms.json)")
    private Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "run directory to create (default: runs/<name>-<time>); an existing one must be "
            + "empty or hold only a run that stopped before its first checkpoint")
    private Path out;

    @Option(names = "--steps", paramLabel = "N", description = "environment steps to train (overrides training.totalEnvSteps)")
    private Long steps;

    @Option(names = "--seed", paramLabel = "N", description = "run seed (overrides seed)")
    private Long seed;

    @Option(names = "--no-lca", description = "switch loss change allocation off")
    private boolean noLca;

    @Override
    protected int execute() {
        PrintWriter stdout = out();
        Experiment e = fromInput(this::resolve);
        Path dir = out != null ? out : Path.of("runs", e.name() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        ProgressBar progress = new ProgressBar(stdout, e.training().totalEnvSteps(), System.console() != null);
        ExperimentRun run = fromInput(ExperimentRun.builder(e).runDirectory(dir).observer(progress)::build);
        stdout.printf(Locale.ROOT, "lantern run: %s on %s, %s, seed %d, %,d env steps, LCA %s%n", e.name(), run.envId(),
                e.agentType().toUpperCase(Locale.ROOT), e.seed(), e.training().totalEnvSteps(),
                run.lca() != null ? "on" : e.lca().enabled() ? "off (no network)" : "off");
        if (run.runDirectory().reused()) {
            stdout.printf("--out %s: reusing it: it held only a run that stopped before its first checkpoint "
                    + "(no completed work)%n", dir);
        }
        stdout.printf("run directory: %s%n", run.runDirectory().path());
        stdout.flush();
        for (String w : run.warnings()) { // allowed, but likely to diverge: loud, and the run goes ahead
            err().println("lantern run: warning: " + (config == null ? "" : config + ": ") + w);
        }
        err().flush();
        return train(run, progress, stdout, err(), "lantern run");
    }

    /**
     * Trains {@code run} to its end on this thread with Ctrl-C handling (stop after the current iteration, evaluate,
     * checkpoint, record "interrupted"), then prints the summary.
     *
     * @return 0 when the run completed, {@link LanternCli#FAILED} otherwise
     */
    static int train(ExperimentRun run, ProgressBar progress, PrintWriter stdout, PrintWriter err, String command) {
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            run.control().stop();
            try {
                finished.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "lantern-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        RunOutcome outcome;
        try {
            outcome = run.run();
        } finally {
            finished.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: let it see the run finish
        }
        progress.finish();
        printSummary(stdout, run, outcome);
        if (!outcome.status().equals("completed")) {
            err.println(command + ": " + outcome.status() + (outcome.failure() == null ? "" : ": " + outcome.failure()));
            return FAILED;
        }
        return 0;
    }

    private Experiment resolve() {
        Experiment e;
        if (config != null) {
            e = ExperimentLoader.load(config);
        } else {
            Path example = Path.of(System.getProperty("lantern.home", "."), "examples", "four-rooms.json");
            e = Files.isRegularFile(example) ? ExperimentLoader.load(example) : ExperimentLoader.defaults();
        }
        List<String> problems = new ArrayList<>();
        if (steps != null && steps < 1) {
            problems.add("--steps: must be >= 1, got " + steps);
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            problems.add("--out: " + out + " exists and is not a directory");
        }
        reject(problems);
        if (steps != null) {
            e = e.withTotalEnvSteps(steps);
        }
        if (seed != null) {
            e = e.withSeed(seed);
        }
        if (noLca) {
            e = e.withLca(false);
        }
        return e;
    }

    /**
     * When the greedy policy first solved the world (success rate 1, return within 5% of the optimum), from the
     * evaluations during training and the final one; nothing where the optimum is unknown.
     */
    private static void printSolved(PrintWriter out, Map<String, Double> ev, boolean optimumKnown) {
        Double solved = ev.get("eval/first_solved_step");
        if (solved != null) {
            out.printf(Locale.ROOT, "solved at step %,d (first greedy evaluation with success rate 1 and return "
                    + ">= 95%% of optimal)%n", solved.longValue());
        } else if (optimumKnown) {
            out.println("not solved: no greedy evaluation had success rate 1 and return >= 95% of optimal");
        }
    }

    private static void printSummary(PrintWriter out, ExperimentRun run, RunOutcome outcome) {
        out.printf(Locale.ROOT, "%s in %.1f s: %,d env steps (%,.0f steps/s), %,d updates%n", outcome.status(),
                outcome.seconds(), outcome.envSteps(), outcome.envSteps() / outcome.seconds(), outcome.updates());
        Map<String, Double> ev = outcome.evaluation();
        if (!ev.isEmpty() && !ev.containsKey("eval/return")) { // a game: match results against fixed opponents
            java.util.TreeSet<String> opponents = new java.util.TreeSet<>();
            for (String k : ev.keySet()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("eval/vs_(.+)_(win|draw|loss)_rate").matcher(k);
                if (m.matches()) {
                    opponents.add(m.group(1));
                }
            }
            for (String o : opponents) {
                out.printf(Locale.ROOT, "evaluation vs %s: win %.2f, draw %.2f, loss %.2f%n", o,
                        ev.getOrDefault("eval/vs_" + o + "_win_rate", Double.NaN),
                        ev.getOrDefault("eval/vs_" + o + "_draw_rate", Double.NaN),
                        ev.getOrDefault("eval/vs_" + o + "_loss_rate", Double.NaN));
            }
        } else if (!ev.isEmpty()) {
            double optimal = ev.getOrDefault("eval/optimal_return", Double.NaN);
            double ret = ev.get("eval/return");
            String share = optimal > 0 ? String.format(Locale.ROOT, ", %.1f%%", 100 * ret / optimal) : "";
            String shown = !Double.isNaN(optimal) ? String.format(Locale.ROOT, "%.4f", optimal)
                    : run.optimum() == null ? "unknown" : "not solved (" + run.optimum().status().label() + ")";
            out.printf(Locale.ROOT, "greedy evaluation: return %.4f (optimal %s%s), success rate %.2f, "
                    + "length %.1f%n", ret, shown, share, ev.get("eval/success_rate"), ev.get("eval/length"));
            printSolved(out, ev, !Double.isNaN(optimal));
        }
        LcaRecorder lca = run.lca();
        if (lca != null && (outcome.envSteps() > 0 || outcome.status().equals("completed")) // it started
                && !(Double.isFinite(lca.totalAllocated()) && Double.isFinite(lca.totalActual()))) {
            out.println("loss change allocation: not finite (the probe loss or the parameters went non-finite; "
                    + "lca/steps.jsonl has every step up to it)");
        } else if (lca != null && (outcome.envSteps() > 0 || outcome.status().equals("completed"))) {
            JsonObject s = lca.summary();
            out.printf(Locale.ROOT, "loss change allocation: allocated %.6f vs real probe-loss change %.6f "
                    + "(relative error %.3f%%) over %,d steps%n", lca.totalAllocated(), lca.totalActual(),
                    100 * lca.relativeError(), s.get("steps").getAsLong());
            StringBuilder layers = new StringBuilder("  per layer:");
            s.getAsJsonObject("layers").entrySet().forEach(en -> layers.append(String.format(Locale.ROOT, "  %s %.4f",
                    en.getKey(), en.getValue().getAsDouble())));
            out.println(layers);
        }
        out.printf("run directory: %s%n", run.runDirectory().path());
        out.flush();
    }
}
