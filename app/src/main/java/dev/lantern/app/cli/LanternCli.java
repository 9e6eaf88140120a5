package dev.lantern.app.cli;

import dev.lantern.app.bench.BenchCommand;
import dev.lantern.app.console.LanternCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lantern} command. Exit codes: 0 success, 1 a run that failed while training, 2 bad input (arguments,
 * experiment files, maps, run directories) with every problem printed and no stack trace.
 */
@Command(name = "lantern", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "An interactive lab for looking inside reinforcement-learning agents while they learn.",
        subcommands = {RunCommand.class, ResumeCommand.class, ForkCommand.class, InstabilityCommand.class, SweepCommand.class, AnalyzeCommand.class,
            DynamicsCommand.class, DiffCommand.class, EnvsCommand.class, ValidateMapCommand.class, DoctorCommand.class,
            BenchCommand.class,
            LabCommand.class, PlayCommand.class, CommandLine.HelpCommand.class})
public final class LanternCli implements Runnable {

    /** Exit code for bad input. */
    public static final int BAD_INPUT = LanternCommand.BAD_INPUT;
    /** Exit code for a run that failed. */
    public static final int FAILED = LanternCommand.FAILED;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns its exit code (no {@code System.exit}). */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output and error writers and returns its exit code. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new LanternCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("lantern: " + ex);
            org.slf4j.LoggerFactory.getLogger(LanternCli.class).debug("uncaught", ex);
            return FAILED;
        });
        return cli.execute(args);
    }

    /** Entry point. */
    public static void main(String[] args) {
        dev.lantern.app.engine.ChildRuns.exitWithParent();
        System.exit(execute(args));
    }
}
