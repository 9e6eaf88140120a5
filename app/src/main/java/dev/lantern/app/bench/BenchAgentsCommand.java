package dev.lantern.app.bench;

import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.nn.Backend;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.config.ExperimentLoader;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import dev.lantern.app.console.LanternCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern bench agents}: environment steps per second that each learner collects while it trains, with its
 * default hyperparameters and LCA off, on one thread: whole iterations (collection and updates) and the collection
 * phase alone. Each learner first runs until it updates (DQN waits for {@code learningStarts}), then is timed. The
 * cases marked {@code bothPaths} are also timed with the ND4J op path forced ({@link PathLane}), in alternation with
 * the path in force, and the ratio is printed.
 */
@Command(name = "agents", description = "Env steps/s each learner collects while training (defaults, LCA off).")
final class BenchAgentsCommand extends LanternCommand {

    /**
     * Learner, environment and the experiment JSON that selects them; {@code bothPaths}: also timed with the ND4J op
     * path forced, in alternation, and the ratio printed.
     */
    record Case(String agent, String env, String json, boolean bothPaths) {

        /** A case timed on the path in force only. */
        Case(String agent, String env, String json) {
            this(agent, env, json, false);
        }
    }

    static final List<Case> CASES = List.of(
            new Case("ppo", "grid/four-rooms-v1", "{\"agent\": {\"type\": \"ppo\"}}"),
            new Case("a2c", "grid/four-rooms-v1", "{\"agent\": {\"type\": \"a2c\"}}"),
            new Case("dqn", "grid/four-rooms-v1", "{\"agent\": {\"type\": \"dqn\"}}"),
            new Case("tabular", "grid/four-rooms-v1", "{\"agent\": {\"type\": \"tabular\"}}"),
            new Case("alphazero", "game/tic-tac-toe-v1",
                    "{\"env\": {\"id\": \"game/tic-tac-toe-v1\"}, \"agent\": {\"type\": \"alphazero\"}}", true),
            new Case("alphazero", "game/connect-four-v1", "{\"env\": {\"id\": \"game/connect-four-v1\"}, \"agent\": "
                    + "{\"type\": \"alphazero\", \"gamesPerIteration\": 64, \"dirichletAlpha\": 1.0, \"temperatureMoves\":"
                    + " 10, \"replayCapacity\": 50000, \"batchSize\": 256, \"hiddenSizes\": [128, 128]}}", true));

    @Option(names = "--seconds", paramLabel = "S", description = "seconds timed per learner (default: 5)")
    private double seconds = 5;

    @Override
    protected int execute() {
        new BenchArguments().rejectWithSeconds(seconds);
        PrintWriter out = out();
        out.printf(Locale.ROOT, "lantern bench agents: defaults, LCA off, one thread, %.1f s each after a warm-up; %s%n",
                seconds, Backend.summary());
        out.printf(Locale.ROOT, "%-10s %-22s %14s %16s %12s%n", "agent", "environment", "env steps/s", "collect only/s",
                "updates/s");
        for (Case c : CASES) {
            Experiment e = ExperimentLoader.parse("<bench>", c.json(), null).withLca(false)
                    .withTotalEnvSteps(1_000_000_000L);
            PathLane lane = new PathLane(e, null);
            if (!c.bothPaths()) {
                do {
                    lane.iterate();
                } while (lane.seconds() < seconds);
                printRow(out, c.agent(), c.env(), lane.rates());
                continue;
            }
            PathLane nd4j = new PathLane(e, ComputePath.ND4J_OPS);
            do { // in alternation, so that both lanes see the same load
                lane.iterate();
                nd4j.iterate();
            } while (lane.seconds() < seconds || nd4j.seconds() < seconds);
            PathLane.Rates fast = lane.rates();
            PathLane.Rates slow = nd4j.rates();
            printRow(out, c.agent(), c.env(), fast);
            printRow(out, c.agent(), "(" + ComputePath.ND4J_OPS + " forced)", slow);
            out.printf(Locale.ROOT, "%-10s %-22s %13.2fx %15.2fx %11.2fx%n", c.agent(), "ratio", fast.envStepsPerSecond()
                    / slow.envStepsPerSecond(), fast.collectPerSecond() / slow.collectPerSecond(),
                    fast.updatesPerSecond() / slow.updatesPerSecond());
            out.flush();
        }
        out.println("collect only: steps over the time in the collection phase (self-play for AlphaZero, its searches"
                + " included)");
        out.println("(" + ComputePath.ND4J_OPS + " forced): the learner above on the ND4J op path, timed in alternation"
                + " with it (iteration by iteration); ratio: the path in force over that, measured side by side");
        return 0;
    }

    private static void printRow(PrintWriter out, String agent, String env, PathLane.Rates r) {
        String collectOnly = Double.isNaN(r.collectPerSecond()) ? "-" // the tabular learner updates as it collects
                : String.format(Locale.ROOT, "%,.0f", r.collectPerSecond());
        out.printf(Locale.ROOT, "%-10s %-22s %,14.0f %16s %,12.0f%n", agent, env, r.envStepsPerSecond(), collectOnly,
                r.updatesPerSecond());
        out.flush();
    }
}
