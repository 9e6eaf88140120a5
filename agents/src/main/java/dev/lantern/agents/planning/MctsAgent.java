package dev.lantern.agents.planning;

import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.NamedStreams;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.api.Reseedable;
import dev.lantern.agents.api.TrainingSession;
import dev.lantern.agents.mcts.SearchTree;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.random.Rng;
import dev.lantern.environments.random.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Monte Carlo tree search as a learner-free agent ({@code "agent": {"type": "mcts"}}): before every action a search
 * with random rollouts ({@link GridPlanner}) runs from the world's exact state through its simulator, and the agent
 * acts on it: by default on the best sequence simulated so far in the episode (max backup, {@link BestReturns}), or on
 * the most visited root action (plain UCT, {@link MctsAgentConfig.Backup#MEAN}), or one drawn at
 * {@link MctsAgentConfig#temperature()}. One episode per iteration; nothing is learned, so there is no update and no
 * loss change allocation (a trained network, when given, is only read).
 *
 * <p>Randomness: the {@code explore} stream seeds each search (its rollouts and temperature draw) and the {@code env}
 * stream the episodes' seeds; both, the world and the counters are the saved state, so a resumed run acts exactly as
 * one never stopped. The snapshot ({@link MctsView}) searches with seeds derived from the run seed's {@code eval}
 * stream and the state alone.
 *
 * <p><b>Metrics</b> (per episode): {@code mcts/simulations} (per search), {@code mcts/root_visits} (mean visits of the
 * root per search), {@code mcts/tree_nodes} (mean nodes per search tree), {@code mcts/simulated_steps} (steps the
 * episode's searches simulated, not environment steps) and {@code time/search_seconds} (wall-clock seconds searching).
 */
public final class MctsAgent implements LearningAgent, Reseedable, SearchObservable {

    private final MctsAgentConfig config;
    private final GridWorld world;
    private final GridPlanner planner;
    private final Rng explore;
    private final Rng episodes;
    private final long viewSeed;
    private final PolicyValueView network;
    private ObservedStates observed;
    private volatile ObjIntConsumer<SearchTree<GridState>> observer;

    /**
     * @param config  hyperparameters
     * @param world   the world to act on; this agent steps it from now on
     * @param runSeed the run seed; streams {@code explore}, {@code env} and the snapshot's {@code eval} seed derive
     *                from it
     * @throws IllegalArgumentException if the config is invalid, listing every problem
     */
    public MctsAgent(MctsAgentConfig config, GridWorld world, long runSeed) {
        this(config, world, runSeed, null);
    }

    /**
     * An agent whose searches are PUCT with a trained network's prior and value at the leaves (no rollouts), or the
     * rollout agent when {@code network} is null. The network is read only, by this agent's thread; its snapshots
     * share it, so use them on the same thread.
     *
     * @param network a trained run's policy and value on this world's observations, or null
     * @throws IllegalArgumentException if the config is invalid or the network does not fit the world
     */
    public MctsAgent(MctsAgentConfig config, GridWorld world, long runSeed, PolicyValueView network) {
        List<String> problems = new ArrayList<>();
        config.validate("agent", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.config = config;
        this.world = world;
        this.network = network;
        this.planner = new GridPlanner(world, config, network);
        this.explore = new Rng(Seeds.derive(runSeed, Seeds.EXPLORE));
        this.episodes = new Rng(Seeds.derive(runSeed, Seeds.ENV));
        this.viewSeed = Seeds.derive(runSeed, Seeds.EVAL);
    }

    /** The hyperparameters. */
    public MctsAgentConfig config() {
        return config;
    }

    /** Plays one episode, searching before every step. */
    @Override
    public void iterate(TrainingSession session) {
        world.resetInPlace(episodes.nextLong());
        planner.forgetPlan();
        double episodeReturn = 0;
        double performance = 0;
        long simulatedBefore = planner.simulatedSteps();
        long nodes = 0;
        long rootVisits = 0;
        long start = System.nanoTime();
        int steps = 0;
        while (!world.episodeOver()) {
            GridPlanner.Step step = planner.step(world.state(), config.temperature(), explore.nextLong());
            SearchTree<GridState> tree = step.tree();
            steps++;
            ObjIntConsumer<SearchTree<GridState>> o = observer;
            if (o != null) {
                o.accept(tree, step.action());
            }
            nodes += tree.root().subtreeSize();
            rootVisits += tree.root().visits();
            world.stepInPlace(step.action());
            session.addEnvSteps(1);
            episodeReturn += world.lastReward();
            performance += world.lastPerformance();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        session.episodeEnded(episodeReturn, performance, world.stepsTaken(),
                world.lastTerminated() && world.lastReward() > 0);
        session.metric("mcts/simulations", config.simulations());
        session.metric("mcts/root_visits", rootVisits / (double) steps);
        session.metric("mcts/tree_nodes", nodes / (double) steps);
        session.metric("mcts/simulated_steps", planner.simulatedSteps() - simulatedBefore);
        session.metric("time/search_seconds", seconds);
    }

    @Override
    public void observeSearches(ObjIntConsumer<SearchTree<GridState>> o) {
        observer = o;
    }

    /**
     * A view that answers every observation with the search from its state ({@link MctsView}), on a copy of the world.
     * The states behind the observations are enumerated at the first snapshot.
     */
    @Override
    public MctsView snapshot() {
        if (observed == null) {
            observed = ObservedStates.of(world);
        }
        return new MctsView(new GridPlanner(world.copy(), config, network), observed, viewSeed);
    }

    /** {@inheritDoc} None: the agent plans, it does not learn. */
    @Override
    public ComputationGraph network() {
        return null;
    }

    /** {@inheritDoc} Always 0: nothing is updated. */
    @Override
    public long updates() {
        return 0;
    }

    /** {@inheritDoc} {@code env} (the next episodes' seeds) and {@code explore} (the searches' seeds). */
    @Override
    public NamedStreams randomStreams() {
        return new NamedStreams(MctsAgentConfig.TYPE).with(Seeds.ENV, episodes::setState)
                .with(Seeds.EXPLORE, explore::setState);
    }

    @Override
    public void saveState(StateWriter out) {
        out.section("mcts");
        out.writeLongs(new long[] {planner.simulatedSteps(), explore.state(), episodes.state()});
        out.writeLongs(world.saveState());
    }

    @Override
    public void restoreState(StateReader in) {
        in.section("mcts");
        long[] counters = in.readLongs();
        if (counters.length != 3) {
            throw in.fail("expected 3 counters, found " + counters.length);
        }
        try {
            world.restoreState(in.readLongs());
        } catch (IllegalArgumentException e) {
            throw in.fail(e.getMessage());
        }
        planner.restoreSimulatedSteps(counters[0]);
        explore.setState(counters[1]);
        episodes.setState(counters[2]);
    }
}
