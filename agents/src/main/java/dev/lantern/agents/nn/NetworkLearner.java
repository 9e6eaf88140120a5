package dev.lantern.agents.nn;

import dev.lantern.agents.api.AgentConfig;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.environments.api.EnvSpec;
import dev.lantern.environments.api.Environment;
import dev.lantern.environments.api.VectorEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * What every learner that trains one {@link GraphNetwork} shares: its hyperparameters, the network it owns, and the
 * {@link LearningAgent} accessors that read straight off that network ({@link #network()}, {@link #updates()}).
 * Each learner adds its own iteration, snapshot and state; the learner packages stay apart and meet only here.
 *
 * @param <C> the learner's config record
 * @param <N> the network it trains
 */
public abstract class NetworkLearner<C extends AgentConfig, N extends GraphNetwork> implements LearningAgent {

    /** The hyperparameters. */
    protected final C config;
    /** The trained network; the training thread owns it. */
    protected final N net;

    /**
     * Binds a learner to its config and network.
     *
     * @param config the hyperparameters
     * @param net    the network to train; the learner's thread owns it
     */
    protected NetworkLearner(C config, N net) {
        this.config = config;
        this.net = net;
    }

    /**
     * Checks the environment copies a learner is given: as many as its config asks for, and observations and actions
     * that fit its network.
     *
     * @param numEnvs the config's {@code numEnvs}
     * @throws IllegalArgumentException naming the counts, or both shapes, when they differ
     */
    protected static void requireEnvs(GraphNetwork net, VectorEnv envs, int numEnvs) {
        if (envs.size() != numEnvs) {
            throw new IllegalArgumentException("config.numEnvs = " + numEnvs + " but " + envs.size() + " environments given");
        }
        EnvSpec spec = envs.spec();
        if (spec.observationSize() != net.inputSize() || spec.actionCount() != net.actionCount()) {
            throw new IllegalArgumentException("network " + net.inputSize() + " -> " + net.actionCount()
                    + " does not fit environment " + spec);
        }
    }

    /**
     * Makes {@code numEnvs} environment copies, one per {@code envFactory.get()} in order, as one {@link VectorEnv}
     * seeded with {@code envSeed}, and resets it.
     */
    protected static VectorEnv freshEnvs(Supplier<? extends Environment> envFactory, int numEnvs, long envSeed) {
        List<Environment> copies = new ArrayList<>();
        for (int i = 0; i < numEnvs; i++) {
            copies.add(envFactory.get());
        }
        VectorEnv envs = new VectorEnv(copies, envSeed);
        envs.reset();
        return envs;
    }

    /** Writes the environment copies mid-episode (positions, generators, episode counters) as section {@code envs}. */
    protected static void saveEnvs(VectorEnv envs, StateWriter out) {
        out.section("envs");
        out.writeLongs(envs.saveState());
    }

    /**
     * Reads section {@code envs} as {@link #saveEnvs} wrote it into the environment copies.
     *
     * @throws dev.lantern.agents.run.state.CheckpointFormatException if the state does not fit the copies
     */
    protected static void restoreEnvs(VectorEnv envs, StateReader in) {
        in.section("envs");
        long[] envState = in.readLongs();
        try {
            envs.restoreState(envState);
        } catch (IllegalArgumentException e) {
            throw in.fail(e.getMessage());
        }
    }

    /** The hyperparameters. */
    public C config() {
        return config;
    }

    /** The trained network (training thread only). */
    public N net() {
        return net;
    }

    /** {@inheritDoc} The trained network's graph. */
    @Override
    public final ComputationGraph network() {
        return net.graph();
    }

    /** {@inheritDoc} The trained network's iteration count. */
    @Override
    public final long updates() {
        return net.iterationCount();
    }
}
