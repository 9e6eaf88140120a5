package dev.lantern.app.bench;

import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.train.CountingSession;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.engine.ExperimentRun;
import java.util.function.Supplier;

/**
 * One learner timed while it trains, on one compute path, an iteration at a time: {@code lantern bench agents} runs two
 * lanes of the same experiment in alternation (the path in force and {@link ComputePath#ND4J_OPS} forced) so that both
 * see the same machine load, and their ratio is measured side by side. A forced path is set through
 * {@value ComputePath#PROPERTY} for the lane's own calls only (creation and iterations) and restored after each.
 */
final class PathLane {

    /**
     * What a lane measured.
     *
     * @param envStepsPerSecond env steps over the timed iterations' wall time
     * @param collectPerSecond  env steps over the time in the collection phase, NaN if the learner reports none
     * @param updatesPerSecond  updates over the timed iterations' wall time
     */
    record Rates(double envStepsPerSecond, double collectPerSecond, double updatesPerSecond) {
    }

    private final String forcedRequest;
    private final LearningAgent agent;
    private final CountingSession session = new CountingSession();
    private long nanos;
    private long updates0;

    /**
     * Builds the experiment's learner on its lane's path and runs it until it has updated once (DQN waits for
     * {@code learningStarts}); the timing starts after that.
     *
     * @param forced the path to force, or null for the path in force
     */
    PathLane(Experiment experiment, ComputePath forced) {
        this.forcedRequest = forced == null ? null : forced.hostBuffers() ? "host" : "nd4j";
        this.agent = onPath(() -> ExperimentRun.builder(experiment).build().agent());
        while (agent.updates() == 0) {
            onPath(() -> {
                agent.iterate(session);
                return null;
            });
        }
        session.reset();
        updates0 = agent.updates();
    }

    /** Seconds timed so far. */
    double seconds() {
        return nanos / 1e9;
    }

    /** Runs and times one iteration. */
    void iterate() {
        onPath(() -> {
            long t0 = System.nanoTime();
            agent.iterate(session);
            nanos += System.nanoTime() - t0;
            return null;
        });
    }

    /** The rates over every timed iteration. */
    Rates rates() {
        double elapsed = seconds();
        double collect = session.sum("time/collect_seconds") + session.sum("time/selfplay_seconds");
        return new Rates(session.envSteps() / elapsed, collect > 0 ? session.envSteps() / collect : Double.NaN,
                (agent.updates() - updates0) / elapsed);
    }

    private <T> T onPath(Supplier<T> work) {
        if (forcedRequest == null) {
            return work.get();
        }
        String previous = System.getProperty(ComputePath.PROPERTY);
        System.setProperty(ComputePath.PROPERTY, forcedRequest);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                System.clearProperty(ComputePath.PROPERTY);
            } else {
                System.setProperty(ComputePath.PROPERTY, previous);
            }
        }
    }
}
