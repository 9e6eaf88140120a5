package dev.lantern.agents.tabular;

import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.NamedStreams;
import dev.lantern.agents.api.Reseedable;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.agents.api.TrainingSession;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.random.Rng;
import dev.lantern.environments.random.Seeds;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Tabular Q-learning or SARSA under the trainer, as experiment files select it ({@code "agent": {"type":
 * "tabular"}}): one-step Q-learning or SARSA (Sutton & Barto 2018, eqs. 6.8 and 6.7; terminal targets are the reward,
 * truncated steps bootstrap; the behaviour policy is ε-greedy with ties broken at random, {@link EpsilonGreedy}), one episode per iteration on one grid world, the table keyed by the full
 * {@link GridState}. The table is the whole "circuit": there is no network, so no loss change allocation.
 *
 * <p>Randomness: one {@link Rng} stream ({@code explore}: ε draws and tie-breaking among greedy actions) and the
 * world's episode seeds from another ({@code env}); both, the world mid-episode and the table are the saved state.
 *
 * <p><b>Metrics</b>: {@code explore/epsilon}, {@code tabular/states} (rows in the table), {@code tabular/td_error}
 * (mean |TD error| over the episode).
 */
public final class TabularLearner implements LearningAgent, Reseedable {

    private final TabularLearnerConfig config;
    private final GridWorld world;
    private final QTable table = new QTable();
    private final Rng explore;
    private final Rng episodes;
    private long steps;
    private long updates;

    /**
     * @param config  hyperparameters
     * @param world   the world to learn on; this learner steps it from now on
     * @param runSeed the run seed; streams {@code explore} and {@code env} are derived from it
     */
    public TabularLearner(TabularLearnerConfig config, GridWorld world, long runSeed) {
        List<String> problems = new java.util.ArrayList<>();
        config.validate("agent", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.config = config;
        this.world = world;
        this.explore = new Rng(Seeds.derive(runSeed, Seeds.EXPLORE));
        this.episodes = new Rng(Seeds.derive(runSeed, Seeds.ENV));
    }

    /** The hyperparameters. */
    public TabularLearnerConfig config() {
        return config;
    }

    /** The live table (training thread only). */
    public QTable table() {
        return table;
    }

    /** Runs one episode, updating the table after every step. */
    @Override
    public void iterate(TrainingSession session) {
        boolean sarsa = config.algorithm() == TabularLearnerConfig.Algorithm.SARSA;
        world.resetInPlace(episodes.nextLong());
        GridState s = world.state();
        int a = behaviourAction(s, config.epsilonAt(steps));
        double episodeReturn = 0;
        double performance = 0;
        double sumTd = 0;
        while (true) {
            world.stepInPlace(a);
            steps++;
            session.addEnvSteps(1);
            double r = world.lastReward();
            episodeReturn += r;
            performance += world.lastPerformance();
            GridState next = world.state();
            boolean terminated = world.lastTerminated();
            int nextAction = -1;
            double target;
            if (terminated) {
                target = r;
            } else if (sarsa) {
                nextAction = behaviourAction(next, config.epsilonAt(steps));
                target = r + config.gamma() * table.value(next, nextAction);
            } else {
                target = r + config.gamma() * table.maxValue(next);
            }
            sumTd += Math.abs(table.update(s, a, target, config.learningRate()));
            updates++;
            if (terminated || world.lastTruncated()) {
                break;
            }
            s = next;
            a = sarsa ? nextAction : behaviourAction(next, config.epsilonAt(steps));
        }
        session.episodeEnded(episodeReturn, performance, world.stepsTaken(), world.lastTerminated() && world.lastReward() > 0);
        session.metric("explore/epsilon", config.epsilonAt(steps));
        session.metric("tabular/states", table.size());
        session.metric("tabular/td_error", sumTd / world.stepsTaken());
    }

    private int behaviourAction(GridState s, double epsilon) {
        return EpsilonGreedy.action(table, s, epsilon, explore::nextDouble, explore::nextInt);
    }

    /** A frozen copy of the table that answers for observations of this world ({@link TabularView}). */
    @Override
    public TabularView snapshot() {
        return new TabularView(table.copy(), world.copy());
    }

    /** {@inheritDoc} None: the learner is a table. */
    @Override
    public ComputationGraph network() {
        return null;
    }

    /** Table updates so far (one per environment step). */
    @Override
    public long updates() {
        return updates;
    }

    /** {@inheritDoc} {@code env} (the next episodes' seeds) and {@code explore} (ε draws, tie-breaking). */
    @Override
    public NamedStreams randomStreams() {
        return new NamedStreams("tabular").with(Seeds.ENV, episodes::setState).with(Seeds.EXPLORE, explore::setState);
    }

    @Override
    public void saveState(StateWriter out) {
        out.section("tabular");
        out.writeLongs(new long[] {steps, updates, explore.state(), episodes.state()});
        out.writeLongs(world.saveState());
        List<GridState> states = table.states();
        out.writeInt(states.size());
        for (GridState s : states) {
            out.writeLongs(new long[] {s.row(), s.col(), s.keysMask(), s.extras()});
            out.writeDoubles(table.q(s));
        }
    }

    @Override
    public void restoreState(StateReader in) {
        in.section("tabular");
        long[] counters = in.readLongs();
        if (counters.length != 4) {
            throw in.fail("expected 4 counters, found " + counters.length);
        }
        try {
            world.restoreState(in.readLongs());
        } catch (IllegalArgumentException e) {
            throw in.fail(e.getMessage());
        }
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            long[] k = in.readLongs();
            if (k.length != 4) {
                throw in.fail("a table row's state has " + k.length + " fields, expected 4");
            }
            table.put(new GridState((int) k[0], (int) k[1], (int) k[2], k[3]), in.readDoubles(QTable.ACTIONS, "a row"));
        }
        steps = counters[0];
        updates = counters[1];
        explore.setState(counters[2]);
        episodes.setState(counters[3]);
    }
}
