package dev.lantern.app.bench;

import dev.lantern.app.config.ConfigException;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The bad arguments of one bench command, collected in the order they are checked; {@link #rejectWithSeconds} adds
 * the {@code --seconds} check that every bench command shares and throws them all as bad input, so that a command
 * lists every problem at once and measures nothing.
 */
final class BenchArguments {

    /** The longest measurement accepted, in seconds. */
    static final double MAX_SECONDS = 600;

    private final List<String> problems = new ArrayList<>();

    /** Records {@code problem} unless {@code ok}. */
    BenchArguments require(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
        return this;
    }

    /** Records a problem unless {@code env} is a registered grid environment ({@code --env}, naming the known ones). */
    BenchArguments gridEnvironment(String env) {
        return require(EnvRegistry.ids().contains(env) && env.startsWith("grid/"), "--env: not a grid environment '"
                + env + "' (known: " + String.join(", ", EnvRegistry.ids()) + ")");
    }

    /** Records {@code <option>: must be in [min, max], got <value>} unless {@code min <= value <= max}. */
    BenchArguments inRange(String option, int value, int min, int max) {
        return require(value >= min && value <= max, option + ": must be in [" + min + ", " + max + "], got " + value);
    }

    /**
     * Throws the problems recorded so far, if there is any.
     *
     * @throws ConfigException listing every problem
     */
    void reject() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /**
     * Checks {@code --seconds} in (0, {@value #MAX_SECONDS}], after the problems recorded so far.
     *
     * @throws ConfigException listing every problem, if there is any
     */
    void rejectWithSeconds(double seconds) {
        require(seconds > 0 && seconds <= MAX_SECONDS, "--seconds: must be in (0, 600], got " + seconds);
        reject();
    }
}
