package dev.lantern.app.bench;

import dev.lantern.agents.train.RunOutcome;
import dev.lantern.app.analyze.AnalyzeOptions;
import dev.lantern.app.analyze.CircuitReport;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.config.ExperimentLoader;
import dev.lantern.app.console.LanternCommand;
import dev.lantern.app.engine.CheckpointNetwork;
import dev.lantern.app.engine.ExperimentRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern bench analyze}: the time {@code lantern analyze} takes on a run, in this process: loading the
 * checkpoint and writing the whole report (figures included) into a temporary folder, twice (the first pays for the
 * JIT and ND4J's start), each section's time printed. Without {@code --run} it first trains the default experiment
 * (PPO 64-64 on four-rooms, 80,000 env steps, the run the README's first command makes) into a temporary run
 * directory. Everything temporary is deleted afterwards.
 */
@Command(name = "analyze", description = "Seconds lantern analyze takes on a run (default: a freshly trained default "
        + "run), cold and warm.")
final class BenchAnalyzeCommand extends LanternCommand {

    @Option(names = "--run", paramLabel = "DIR", description = "the run to analyze (default: train the default "
            + "experiment first)")
    private Path run;

    @Override
    protected int execute() {
        PrintWriter out = out();
        Path tmp;
        try {
            tmp = Files.createTempDirectory("lantern-bench-analyze");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        try {
            Path dir = run;
            if (dir == null) {
                Experiment e = ExperimentLoader.defaults();
                dir = tmp.resolve("run");
                out.printf(Locale.ROOT, "lantern bench analyze: training the default experiment (%s on %s, %,d env steps) into %s "
                        + "first%n", e.agentType(), e.env().id(), e.training().totalEnvSteps(), dir);
                out.flush();
                RunOutcome outcome = ExperimentRun.builder(e).runDirectory(dir).build().run();
                if (!outcome.status().equals("completed")) {
                    err().println("lantern bench analyze: the run " + outcome.status());
                    return FAILED;
                }
            }
            out.printf(Locale.ROOT, "lantern bench analyze: %s, OMP_NUM_THREADS=%s, %d processors%n", dir,
                    System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)"),
                    Runtime.getRuntime().availableProcessors());
            for (String pass : new String[] {"cold (first in this JVM)", "warm"}) {
                StringWriter sections = new StringWriter();
                long t = System.nanoTime();
                CheckpointNetwork cn = CheckpointNetwork.load(dir, null);
                CircuitReport.standard().write(cn, AnalyzeOptions.defaults(), new PrintWriter(sections, true),
                        tmp.resolve("report-" + pass.charAt(0)));
                double seconds = (System.nanoTime() - t) / 1e9;
                out.printf(Locale.ROOT, "%-26s %6.2f s (load + every section + figures); per section:%n", pass,
                        seconds);
                sections.toString().lines().filter(l -> l.startsWith("  (")).forEach(l -> out.println("    " + l));
                out.flush();
            }
            return 0;
        } finally {
            BenchMemoryCommand.deleteTree(tmp);
        }
    }
}
