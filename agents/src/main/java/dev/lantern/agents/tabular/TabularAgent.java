package dev.lantern.agents.tabular;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tabular TD control on a {@link GridWorld}: one-step Q-learning or SARSA with an ε-greedy behaviour policy, the table
 * keyed by the full {@link GridState}.
 *
 * <p><b>Update rules</b> (Sutton & Barto 2018, ch. 6), after the transition {@code (S, A, R, S')}:
 * <ul>
 * <li>Q-learning (eq. 6.8): {@code Q(S,A) <- Q(S,A) + α [R + γ max_a Q(S',a) - Q(S,A)]};</li>
 * <li>SARSA (eq. 6.7): {@code Q(S,A) <- Q(S,A) + α [R + γ Q(S',A') - Q(S,A)]}, {@code A'} the action the ε-greedy
 * policy then takes in {@code S'}.</li>
 * </ul>
 * If {@code S'} is terminal ({@code terminated}: goal, lava, interruption) the target is {@code R}. If the step was only
 * {@code truncated} by the time limit, {@code S'} is not terminal and the target still bootstraps from {@code S'} (for
 * SARSA, {@code A'} is drawn as if the episode went on, then discarded).
 *
 * <p><b>Behaviour policy</b>: with probability ε (linear schedule over environment steps,
 * {@link TabularConfig#epsilonAt}) a uniformly random action, else a greedy one with ties broken uniformly at random
 * (the table starts at zero, so early ties are everywhere). The evaluated greedy policy ({@link QTable#greedyAction})
 * breaks ties to the lowest action. Every draw comes from one {@link SplittableRandom} seeded with
 * {@link TabularConfig#seed()}, which also draws each episode's reset seed: the same config on the same world gives a
 * bit-identical table.
 *
 * <p>Logs each episode at DEBUG. Metrics it could emit are listed in {@code docs/tabular.md}.
 */
public final class TabularAgent {

    private static final Logger LOG = LoggerFactory.getLogger(TabularAgent.class);

    private TabularAgent() {
    }

    /**
     * Trains a fresh table on a copy of {@code env} (the caller's world is not stepped), then runs the greedy policy
     * once.
     *
     * @throws IllegalArgumentException if the config is invalid; the message lists every problem, each naming its
     *                                  field under {@code tabular} (e.g. {@code tabular.learningRate: ...})
     */
    public static TabularResult train(GridWorld env, TabularConfig config) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(config, "config");
        checkConfig(config);
        GridWorld world = env.copy();
        QTable table = new QTable();
        SplittableRandom rng = new SplittableRandom(config.seed());
        boolean sarsa = config.algorithm() == TabularConfig.Algorithm.SARSA;
        double alpha = config.learningRate();
        double gamma = config.gamma();
        List<Double> returns = new ArrayList<>(config.episodes());
        List<Integer> lengths = new ArrayList<>(config.episodes());
        long totalSteps = 0;
        LOG.info("tabular {} on {}: {} episodes, seed {}", config.algorithm(), world.spec().id(), config.episodes(),
                config.seed());
        for (int episode = 0; episode < config.episodes(); episode++) {
            world.resetInPlace(rng.nextLong());
            GridState s = world.state();
            int a = behaviourAction(table, s, config.epsilonAt(totalSteps), rng);
            double episodeReturn = 0;
            while (true) {
                world.stepInPlace(a);
                totalSteps++;
                double r = world.lastReward();
                episodeReturn += r;
                GridState next = world.state();
                boolean terminated = world.lastTerminated();
                int nextAction = -1;
                double target;
                if (terminated) {
                    target = r;
                } else if (sarsa) {
                    nextAction = behaviourAction(table, next, config.epsilonAt(totalSteps), rng);
                    target = r + gamma * table.value(next, nextAction);
                } else {
                    target = r + gamma * table.maxValue(next);
                }
                table.update(s, a, target, alpha);
                if (terminated || world.lastTruncated()) {
                    break;
                }
                s = next;
                a = sarsa ? nextAction : behaviourAction(table, next, config.epsilonAt(totalSteps), rng);
            }
            returns.add(episodeReturn);
            lengths.add(world.stepsTaken());
            if (LOG.isDebugEnabled()) {
                LOG.debug("episode {}: return {}, length {}, epsilon {}", episode, episodeReturn, world.stepsTaken(),
                        config.epsilonAt(totalSteps));
            }
        }
        GreedyRollout greedy = greedyRollout(env, table);
        LOG.info("tabular {} on {}: greedy return {} in {} steps ({} states in the table)", config.algorithm(),
                world.spec().id(), greedy.totalReturn(), greedy.steps(), table.size());
        return new TabularResult(config, returns, lengths, totalSteps, greedy, table);
    }

    /**
     * Runs one episode of {@code table}'s greedy policy (ties to the lowest action) on a copy of {@code env}, reset
     * with seed 0, until it terminates or hits the time limit. No exploration, no updates.
     */
    public static GreedyRollout greedyRollout(GridWorld env, QTable table) {
        GridWorld world = env.copy();
        world.resetInPlace(0L);
        List<GridState> path = new ArrayList<>();
        List<Integer> actions = new ArrayList<>();
        path.add(world.state());
        double total = 0;
        while (!world.episodeOver()) {
            int a = table.greedyAction(world.state());
            world.stepInPlace(a);
            total += world.lastReward();
            actions.add(a);
            path.add(world.state());
        }
        return new GreedyRollout(path, actions, total, world.lastTerminated());
    }

    private static void checkConfig(TabularConfig config) {
        List<String> problems = new ArrayList<>();
        config.validate("tabular", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid tabular config:\n  " + String.join("\n  ", problems));
        }
    }

    private static int behaviourAction(QTable table, GridState s, double epsilon, SplittableRandom rng) {
        return EpsilonGreedy.action(table, s, epsilon, rng::nextDouble, rng::nextInt);
    }
}
