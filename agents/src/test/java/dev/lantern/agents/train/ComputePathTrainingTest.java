package dev.lantern.agents.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.actorcritic.PpoAgent;
import dev.lantern.agents.actorcritic.PpoConfig;
import dev.lantern.agents.alphazero.AlphaZeroAgent;
import dev.lantern.agents.alphazero.AlphaZeroConfig;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.dqn.DqnAgent;
import dev.lantern.agents.dqn.DqnConfig;
import dev.lantern.agents.nn.Backend;
import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.api.ForcedComputePath;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.TicTacToe;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The ND4J op path (what a CUDA backend takes, forced here on the CPU through {@value ComputePath#PROPERTY}) trains to
 * the same result as the host-buffer fast pass: tiny runs of PPO, DQN (double DQN with prioritized replay and LCA
 * probes; plain DQN with Polyak targets) and AlphaZero from one seed on each path. While
 * the forced run trains, no host-buffer code runs (the counters of {@link ComputePath#select} and the guard in the
 * fast pass, which would throw). The two paths round differently (the fast pass sums in another order), so the final
 * parameters agree to a tolerance: every parameter within {@value #TOLERANCE} of the other path's, while training
 * moved the parameters by at least 100 times that. Episodes (actions sampled from the networks) must be the same.
 */
class ComputePathTrainingTest {

    /** Largest accepted difference of one parameter between the paths, after the runs below. */
    static final double TOLERANCE = 1e-5;

    /** What a tiny run leaves: final parameters (float), the episode returns, updates, host and ND4J decisions. */
    private record Result(float[] params, List<Double> returns, long updates, long hostDecisions, long nd4jDecisions) {
    }

    @Test
    void ppoTrainsTheSameOnTheNd4jOpPath() {
        PpoConfig config = new PpoConfig(4, 32, 2, 32, 2e-3, 0.99, 0.95, 0.2, 0.5, 0.02, 0.5, List.of(64, 64), true,
                true);
        compare("ppo", () -> PpoAgent.create(config, () -> EnvRegistry.make("grid/four-rooms-v1"), 7,
                4L * config.rolloutSize(), 32, DataType.FLOAT), 4);
    }

    @Test
    void dqnTrainsTheSameOnTheNd4jOpPath() {
        DqnConfig config = new DqnConfig(3, 1e-3, 0.9, 200, 16, 48, 4, 2, 5, 1.0, true, 3, 1.0, 0.1, 400, true, 0.6,
                0.4, 1e-6, 10.0, List.of(32, 32), 1.0);
        compare("dqn", () -> DqnAgent.create(config, () -> EnvRegistry.make("grid/empty-5x5-v1", 12), 5, 2_000, 8,
                DataType.FLOAT), 40);
    }

    @Test
    void plainDqnWithPolyakTargetsTrainsTheSameOnTheNd4jOpPath() {
        // Targets from the target network alone (no double DQN), uniform replay, Polyak averaging, no clipping.
        DqnConfig config = new DqnConfig(3, 1e-3, 0.9, 200, 16, 48, 4, 2, 1, 0.2, false, 1, 1.0, 0.1, 400, false, 0.6,
                0.4, 1e-6, 0, List.of(32, 32), 1.0);
        compare("dqn (plain)", () -> DqnAgent.create(config, () -> EnvRegistry.make("grid/empty-5x5-v1", 12), 6, 2_000,
                0, DataType.FLOAT), 40);
    }

    @Test
    void alphaZeroTrainsTheSameOnTheNd4jOpPath() {
        AlphaZeroConfig config = AlphaZeroConfig.defaults().withSelfPlay(4, 8).withTraining(16, 4, List.of(32, 32));
        compare("alphazero", () -> AlphaZeroAgent.create(config, TicTacToe.instance(), 3, DataType.FLOAT), 3);
    }

    /**
     * Connect-four with a 128-128 network and 12 games in lockstep: the host run's search takes both of its forward
     * passes (Java loops up to 8 rows, the fast pass above) and its evaluation cache; the forced run none of them.
     */
    @Test
    void alphaZeroConnectFourTrainsTheSameOnTheNd4jOpPath() {
        AlphaZeroConfig config = AlphaZeroConfig.defaults().withSelfPlay(12, 6).withTraining(32, 3, List.of(128, 128));
        compare("alphazero connect-four", () -> AlphaZeroAgent.create(config, ConnectFour.instance(), 4,
                DataType.FLOAT), 2);
    }

    private static void compare(String name, Supplier<LearningAgent> make, int iterations) {
        Backend.configure();
        Result host;
        try (ForcedComputePath forced = ForcedComputePath.force(ComputePath.HOST_BUFFERS)) {
            host = train(make, iterations);
        }
        Result nd4j;
        try (ForcedComputePath forced = ForcedComputePath.force(ComputePath.ND4J_OPS)) {
            nd4j = train(make, iterations);
        }
        assertEquals(0, nd4j.nd4jDecisions() == 0 ? -1 : nd4j.hostDecisions(),
                name + ": the forced run must take the ND4J path at every decision (" + nd4j + ")");
        assertTrue(host.updates() > 0 && host.updates() == nd4j.updates(), name + ": updates " + host.updates() + " vs "
                + nd4j.updates());
        assertEquals(host.returns(), nd4j.returns(), name + ": the same episodes on both paths");
        float[] a = host.params();
        float[] b = nd4j.params();
        float[] init = make.get().network().params().data().asFloat();
        double maxDiff = 0;
        double moved = 0;
        for (int i = 0; i < a.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
            moved = Math.max(moved, Math.abs(a[i] - init[i]));
        }
        System.out.printf("%s: %d updates, max |host - nd4j| = %.3g per parameter, max movement %.3g; decisions host"
                + " %d / nd4j %d (default path run), %d / %d (forced run)%n", name, host.updates(), maxDiff, moved,
                host.hostDecisions(), host.nd4jDecisions(), nd4j.hostDecisions(), nd4j.nd4jDecisions());
        assertTrue(moved > 100 * TOLERANCE, name + ": training must move the parameters, max movement " + moved);
        assertTrue(maxDiff <= TOLERANCE, name + ": max parameter difference between the paths " + maxDiff);
    }

    private static Result train(Supplier<LearningAgent> make, int iterations) {
        LearningAgent agent = make.get();
        RecordingSession session = new RecordingSession();
        for (int i = 0; i < iterations; i++) {
            agent.iterate(session);
        }
        return new Result(agent.network().params().data().asFloat(), session.episodeReturns(), agent.updates(),
                ComputePath.HOST_BUFFERS.taken(), ComputePath.ND4J_OPS.taken());
    }
}
