package dev.lantern.app.cli;

import dev.lantern.app.config.ConfigException;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.engine.ExperimentRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lantern resume RUN-DIR}: continues a run that was killed, interrupted or failed, from its newest checkpoint,
 * in the same directory. The continuation is exact on CPU: final parameters and {@code metrics.jsonl} (wall-clock
 * times aside) equal those of a run never stopped.
 */
@Command(name = "resume", description = "Continue a stopped run from its newest checkpoint, in the same directory.")
final class ResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN-DIR", description = "the run directory to continue")
    private Path dir;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExperimentRun run;
        ProgressBar progress;
        try {
            ExperimentRun.Builder b = ExperimentRun.resuming(dir);
            Experiment e = b.experiment();
            progress = new ProgressBar(stdout, e.training().totalEnvSteps(), System.console() != null);
            run = b.observer(progress).build();
        } catch (ConfigException ex) {
            ex.problems().forEach(err::println);
            return LanternCli.BAD_INPUT;
        } catch (IllegalArgumentException | java.io.UncheckedIOException ex) {
            err.println("lantern resume: " + ex.getMessage());
            return LanternCli.BAD_INPUT;
        }
        Experiment e = run.experiment();
        stdout.printf(Locale.ROOT, "lantern resume: %s on %s, %s, seed %d, from %s of %,d env steps%n", e.name(),
                run.envId(), e.agentType().toUpperCase(Locale.ROOT), e.seed(), run.resumedFrom().getFileName(),
                e.training().totalEnvSteps());
        stdout.printf("run directory: %s%n", run.runDirectory().path());
        stdout.flush();
        return RunCommand.execute(run, progress, stdout, err, "lantern resume");
    }
}
