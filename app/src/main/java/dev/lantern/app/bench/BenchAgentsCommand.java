package dev.lantern.app.bench;

import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.train.CountingSession;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.config.ExperimentLoader;
import dev.lantern.app.engine.ExperimentRun;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import dev.lantern.app.console.LanternCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern bench agents}: environment steps per second that each learner collects while it trains, with its
 * default hyperparameters and LCA off, on one thread: whole iterations (collection and updates) and the collection
 * phase alone. Each learner first runs until it updates (DQN waits for {@code learningStarts}), then is timed. DQN runs
 * twice, on the compute path in force (the fast pass) and with the {@link ComputePath#ND4J_OPS} path forced (DL4J's
 * graph calls and updater: what DQN ran before it took the fast pass), and the ratio of the two is printed.
 */
@Command(name = "agents", description = "Env steps/s each learner collects while training (defaults, LCA off).")
final class BenchAgentsCommand extends LanternCommand {

    /**
     * Learner, environment, the experiment JSON that selects them, and the compute path forced for the case
     * ({@code nd4j}), or null for the path in force.
     */
    record Case(String agent, String env, String json, String forcedPath) {
        Case(String agent, String env, String json) {
            this(agent, env, json, null);
        }

        String label() {
            return forcedPath == null ? agent : agent + " (ND4J ops path)";
        }
    }

    static final List<Case> CASES = List.of(
            new Case("ppo", "grid/four-rooms-v1", "{\"agent\": {\"type\": \"ppo\"}}"),
            new Case("a2c", "grid/four-rooms-v1", "{\"agent\": {\"type\": \"a2c\"}}"),
            new Case("dqn", "grid/four-rooms-v1", "{\"agent\": {\"type\": \"dqn\"}}"),
            new Case("dqn", "grid/four-rooms-v1", "{\"agent\": {\"type\": \"dqn\"}}", "nd4j"),
            new Case("tabular", "grid/four-rooms-v1", "{\"agent\": {\"type\": \"tabular\"}}"),
            new Case("alphazero", "game/tic-tac-toe-v1",
                    "{\"env\": {\"id\": \"game/tic-tac-toe-v1\"}, \"agent\": {\"type\": \"alphazero\"}}"),
            new Case("alphazero", "game/connect-four-v1", "{\"env\": {\"id\": \"game/connect-four-v1\"}, \"agent\": "
                    + "{\"type\": \"alphazero\", \"gamesPerIteration\": 64, \"dirichletAlpha\": 1.0, \"temperatureMoves\":"
                    + " 10, \"replayCapacity\": 50000, \"batchSize\": 256, \"hiddenSizes\": [128, 128]}}"));

    @Option(names = "--seconds", paramLabel = "S", description = "seconds timed per learner (default: 5)")
    private double seconds = 5;

    @Option(names = "--agent", paramLabel = "NAME", description = "time only this learner's cases (default: all)")
    private String only;

    @Override
    protected int execute() {
        new BenchArguments().rejectWithSeconds(seconds);
        PrintWriter out = out();
        out.printf(Locale.ROOT, "lantern bench agents: defaults, LCA off, one thread, %.1f s each after a warm-up; %s%n",
                seconds, Backend.summary());
        out.printf(Locale.ROOT, "%-25s %-22s %14s %16s %12s%n", "agent", "environment", "env steps/s",
                "collect only/s", "updates/s");
        Map<String, Double> defaultPath = new HashMap<>();
        List<String> ratios = new ArrayList<>();
        for (Case c : CASES) {
            if (only != null && !only.equals(c.agent())) {
                continue;
            }
            String previous = System.getProperty(ComputePath.PROPERTY);
            if (c.forcedPath() != null) {
                System.setProperty(ComputePath.PROPERTY, c.forcedPath());
            }
            double rate;
            try {
                rate = time(c, out);
            } finally {
                if (previous == null) {
                    System.clearProperty(ComputePath.PROPERTY);
                } else {
                    System.setProperty(ComputePath.PROPERTY, previous);
                }
            }
            String key = c.agent() + " " + c.env();
            if (c.forcedPath() == null) {
                defaultPath.put(key, rate);
            } else if (defaultPath.containsKey(key)) {
                ratios.add(String.format(Locale.ROOT, "%s on %s: %s path %.2fx the ND4J ops path's env steps/s",
                        c.agent(), c.env(), ComputePath.current(), defaultPath.get(key) / rate));
            }
        }
        ratios.forEach(out::println);
        out.println("collect only: steps over the time in the collection phase (self-play for AlphaZero, its searches"
                + " included)");
        return 0;
    }

    /** Runs one case until it updates, then times it and prints its row; returns its env steps/s. */
    private double time(Case c, PrintWriter out) {
        Experiment e = ExperimentLoader.parse("<bench>", c.json(), null).withLca(false)
                .withTotalEnvSteps(1_000_000_000L);
        LearningAgent agent = ExperimentRun.builder(e).build().agent();
        CountingSession session = new CountingSession();
        while (agent.updates() == 0) {
            agent.iterate(session);
        }
        session.reset();
        long updates0 = agent.updates();
        long t0 = System.nanoTime();
        double elapsed;
        do {
            agent.iterate(session);
            elapsed = (System.nanoTime() - t0) / 1e9;
        } while (elapsed < seconds);
        double collect = session.sum("time/collect_seconds") + session.sum("time/selfplay_seconds");
        String collectOnly = collect > 0 ? String.format(Locale.ROOT, "%,.0f", session.envSteps() / collect)
                : "-"; // the tabular learner updates inside its collection loop: no separate phase
        double rate = session.envSteps() / elapsed;
        out.printf(Locale.ROOT, "%-25s %-22s %,14.0f %16s %,12.0f%n", c.label(), c.env(), rate, collectOnly,
                (agent.updates() - updates0) / elapsed);
        out.flush();
        return rate;
    }
}
