package dev.lantern.app.cli;

import dev.lantern.app.console.LanternCommand;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.engine.ExperimentRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lantern resume RUN-DIR}: continues a run that was killed, interrupted or failed, from its newest checkpoint,
 * in the same directory; a run that stopped before its first checkpoint is trained again from scratch there. The continuation is exact on CPU: final parameters and {@code metrics.jsonl} (wall-clock
 * times aside) equal those of a run never stopped.
 */
@Command(name = "resume", description = "Continue a stopped run from its newest checkpoint, in the same directory.")
final class ResumeCommand extends LanternCommand {

    @Parameters(index = "0", paramLabel = "RUN-DIR", description = "the run directory to continue")
    private Path dir;

    @Override
    protected int execute() {
        PrintWriter stdout = out();
        ExperimentRun.Builder b = fromInput(() -> ExperimentRun.resuming(dir));
        ProgressBar progress = new ProgressBar(stdout, b.experiment().training().totalEnvSteps(),
                System.console() != null);
        ExperimentRun run = fromInput(b.observer(progress)::build);
        Experiment e = run.experiment();
        stdout.printf(Locale.ROOT, "lantern resume: %s on %s, %s, seed %d, from %s of %,d env steps%n", e.name(),
                run.envId(), e.agentType().toUpperCase(Locale.ROOT), e.seed(), run.resumedFrom() == null
                        ? "scratch (it stopped before its first checkpoint: nothing to continue from)"
                        : run.resumedFrom().getFileName(), e.training().totalEnvSteps());
        if (!run.removedLeftovers().isEmpty()) {
            stdout.printf("removed what an interrupted write left: %s%n", String.join(", ", run.removedLeftovers()));
        }
        stdout.printf("run directory: %s%n", run.runDirectory().path());
        stdout.flush();
        return RunCommand.train(run, progress, stdout, err(), "lantern resume");
    }
}
