package dev.lantern.app.console;

import dev.lantern.agents.api.ComputePath;
import dev.lantern.app.config.ConfigException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * A {@code lantern} command: {@link #execute()} does the work and may throw a {@link ConfigException} for bad input,
 * which {@link #call()} prints, one problem a line on the error stream, and turns into {@link #BAD_INPUT}.
 */
public abstract class LanternCommand implements Callable<Integer> {

    /** Exit code for bad input: arguments, experiment files, maps, run directories. */
    public static final int BAD_INPUT = 2;
    /** Exit code for a run that failed while training. */
    public static final int FAILED = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs {@link #execute()}; bad input is printed and exits {@value #BAD_INPUT}. */
    @Override
    public final Integer call() {
        try {
            String path = ComputePath.requestProblem();
            if (path != null) {
                throw new ConfigException(List.of(path));
            }
            return execute();
        } catch (ConfigException ex) {
            ex.problems().forEach(err()::println);
            err().flush();
            return BAD_INPUT;
        }
    }

    /**
     * Does the command's work.
     *
     * @return the exit code
     * @throws ConfigException listing every problem of the input
     */
    protected abstract int execute();

    /** The command's standard output. */
    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The command's error output. */
    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The command line this command runs in (for usage and subcommands). */
    protected final CommandLine commandLine() {
        return spec.commandLine();
    }

    /**
     * Throws the problems as bad input, if there are any.
     *
     * @throws ConfigException with {@code problems} unless it is empty
     */
    protected static void reject(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /**
     * Runs {@code setup} (reading input, creating a run directory); an {@link IllegalArgumentException} or
     * {@link UncheckedIOException} from it is bad input, reported as {@code lantern <command>: <message>}.
     */
    protected final <T> T fromInput(Supplier<T> setup) {
        try {
            return setup.get();
        } catch (IllegalArgumentException | UncheckedIOException ex) {
            throw new ConfigException(List.of(spec.qualifiedName() + ": " + ex.getMessage()));
        }
    }
}
