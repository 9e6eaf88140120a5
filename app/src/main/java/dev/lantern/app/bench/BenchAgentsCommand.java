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
import java.util.List;
import java.util.Locale;
import dev.lantern.app.console.LanternCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lantern bench agents}: environment steps per second that each learner collects while it trains, with its
 * default hyperparameters and LCA off, on one thread: whole iterations (collection and updates) and the collection
 * phase alone. Each learner first runs until it updates (DQN waits for {@code learningStarts}), then is timed. DQN and
 * AlphaZero run twice, on the compute path in force (the fast pass) and with the {@link ComputePath#ND4J_OPS} path
 * forced (DL4J's graph calls and updater: what they ran before they took the fast pass), timed in alternating slices of
 * {@value #SLICE_SECONDS} s so that both see the same machine, and the ratio of the two is printed.
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

    private static final String ALPHAZERO_TTT =
            "{\"env\": {\"id\": \"game/tic-tac-toe-v1\"}, \"agent\": {\"type\": \"alphazero\"}}";
    private static final String ALPHAZERO_C4 = "{\"env\": {\"id\": \"game/connect-four-v1\"}, \"agent\": "
            + "{\"type\": \"alphazero\", \"gamesPerIteration\": 64, \"dirichletAlpha\": 1.0, \"temperatureMoves\":"
            + " 10, \"replayCapacity\": 50000, \"batchSize\": 256, \"hiddenSizes\": [128, 128]}}";

    static final List<Case> CASES = List.of(
            new Case("ppo", "grid/four-rooms-v1", "{\"agent\": {\"type\": \"ppo\"}}"),
            new Case("a2c", "grid/four-rooms-v1", "{\"agent\": {\"type\": \"a2c\"}}"),
            new Case("dqn", "grid/four-rooms-v1", "{\"agent\": {\"type\": \"dqn\"}}"),
            new Case("dqn", "grid/four-rooms-v1", "{\"agent\": {\"type\": \"dqn\"}}", "nd4j"),
            new Case("tabular", "grid/four-rooms-v1", "{\"agent\": {\"type\": \"tabular\"}}"),
            new Case("alphazero", "game/tic-tac-toe-v1", ALPHAZERO_TTT),
            new Case("alphazero", "game/tic-tac-toe-v1", ALPHAZERO_TTT, "nd4j"),
            new Case("alphazero", "game/connect-four-v1", ALPHAZERO_C4),
            new Case("alphazero", "game/connect-four-v1", ALPHAZERO_C4, "nd4j"));

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
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            if (only != null && !only.equals(c.agent())) {
                continue;
            }
            Case twin = i + 1 < CASES.size() ? CASES.get(i + 1) : null;
            if (twin == null || twin.forcedPath() == null || !twin.agent().equals(c.agent())
                    || !twin.env().equals(c.env())) {
                Clock clock = new Clock(c);
                clock.slice(seconds);
                clock.print(out);
                continue;
            }
            // Both paths side by side, in alternating slices: a load that comes and goes falls on both alike.
            Clock fast = new Clock(c);
            Clock old = new Clock(twin);
            double slice = Math.min(SLICE_SECONDS, seconds);
            while (fast.elapsed < seconds || old.elapsed < seconds) {
                fast.slice(slice);
                old.slice(slice);
            }
            fast.print(out);
            old.print(out);
            ratios.add(String.format(Locale.ROOT, "%s on %s: %s path %.2fx the ND4J ops path's env steps/s",
                    c.agent(), c.env(), ComputePath.current(), fast.rate() / old.rate()));
            i++;
        }
        ratios.forEach(out::println);
        out.println("collect only: steps over the time in the collection phase (self-play for AlphaZero, its searches"
                + " included)");
        return 0;
    }

    /** Length of one slice when two compute paths of a learner are timed in turns. */
    static final double SLICE_SECONDS = 0.5;

    /** One case being timed: its learner (warmed up until it updates), its counts and the seconds timed so far. */
    private static final class Clock {
        private final Case c;
        private final LearningAgent agent;
        private final CountingSession session = new CountingSession();
        private final long updates0;
        private double elapsed;

        Clock(Case c) {
            this.c = c;
            Experiment e = ExperimentLoader.parse("<bench>", c.json(), null).withLca(false)
                    .withTotalEnvSteps(1_000_000_000L);
            String previous = force(c);
            try {
                agent = ExperimentRun.builder(e).build().agent();
                while (agent.updates() == 0) {
                    agent.iterate(session);
                }
            } finally {
                restore(previous);
            }
            session.reset();
            updates0 = agent.updates();
        }

        /** Iterates for at least {@code seconds} on the case's compute path. */
        void slice(double seconds) {
            String previous = force(c);
            try {
                long t0 = System.nanoTime();
                double s;
                do {
                    agent.iterate(session);
                    s = (System.nanoTime() - t0) / 1e9;
                } while (s < seconds);
                elapsed += s;
            } finally {
                restore(previous);
            }
        }

        double rate() {
            return session.envSteps() / elapsed;
        }

        void print(PrintWriter out) {
            double collect = session.sum("time/collect_seconds") + session.sum("time/selfplay_seconds");
            String collectOnly = collect > 0 ? String.format(Locale.ROOT, "%,.0f", session.envSteps() / collect)
                    : "-"; // the tabular learner updates inside its collection loop: no separate phase
            out.printf(Locale.ROOT, "%-25s %-22s %,14.0f %16s %,12.0f%n", c.label(), c.env(), rate(), collectOnly,
                    (agent.updates() - updates0) / elapsed);
            out.flush();
        }

        /** Sets the case's forced compute path, if any; returns the property's previous value. */
        private static String force(Case c) {
            String previous = System.getProperty(ComputePath.PROPERTY);
            if (c.forcedPath() != null) {
                System.setProperty(ComputePath.PROPERTY, c.forcedPath());
            }
            return previous;
        }

        private static void restore(String previous) {
            if (previous == null) {
                System.clearProperty(ComputePath.PROPERTY);
            } else {
                System.setProperty(ComputePath.PROPERTY, previous);
            }
        }
    }
}
