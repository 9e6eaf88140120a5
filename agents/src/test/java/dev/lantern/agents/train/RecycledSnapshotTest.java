package dev.lantern.agents.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lantern.agents.actorcritic.PpoAgent;
import dev.lantern.agents.actorcritic.PpoConfig;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.dqn.DqnAgent;
import dev.lantern.agents.dqn.DqnConfig;
import dev.lantern.agents.nn.FrozenView;
import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import java.util.List;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A snapshot made by refilling a spent one ({@link LearningAgent#snapshot(PolicyValueView)}) answers what a new
 * snapshot answers, bit for bit, over the spent copy's network; the spent view itself is not changed into the new one.
 */
class RecycledSnapshotTest {

    private static final String ENV = "grid/four-rooms-v1";

    static Stream<Arguments> learners() {
        return Stream.of(
                Arguments.of("ppo", PpoAgent.create(PpoConfig.defaults(), () -> EnvRegistry.make(ENV), 1, 20_000, 0,
                        DataType.FLOAT)),
                Arguments.of("dqn", DqnAgent.create(DqnConfig.defaults(), () -> EnvRegistry.make(ENV), 1, 20_000, 0,
                        DataType.FLOAT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void aRefilledSnapshotAnswersAsANewOne(String name, LearningAgent agent) {
        CountingSession session = new CountingSession();
        PolicyValueView spent = agent.snapshot();
        while (agent.updates() == 0) {
            agent.iterate(session);
        }
        agent.iterate(session); // the parameters moved since `spent` was taken
        PolicyValueView refilled = agent.snapshot(spent);
        PolicyValueView fresh = agent.snapshot();
        assertNotSame(spent, refilled, "a new view");
        assertSame(((FrozenView<?>) spent).net(), ((FrozenView<?>) refilled).net(), "over the spent copy");
        assertArrayEquals(flat(fresh), flat(refilled), name + ": what a new snapshot answers, bit for bit");
        assertNotSame(((FrozenView<?>) fresh).net(), ((FrozenView<?>) refilled).net());
        agent.iterate(session); // later training does not reach into the refilled copy
        assertArrayEquals(flat(fresh), flat(refilled), name + ": still the moment it was taken");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void aSnapshotOfAnotherKindOrNoneGivesANewOne(String name, LearningAgent agent) {
        PolicyValueView other = new PolicyValueView() {
            @Override
            public int actionCount() {
                return 4;
            }

            @Override
            public int inputSize() {
                return 1;
            }

            @Override
            public void evaluate(float[] observations, int count, double[] probabilities, double[] values) {
                throw new AssertionError("not used");
            }
        };
        assertNotSame(other, agent.snapshot(other));
        assertArrayEquals(flat(agent.snapshot()), flat(agent.snapshot(null)), name);
    }

    /** Probabilities (or greedy indicators) then values over the agent standing on each free cell. */
    private static double[] flat(PolicyValueView view) {
        GridWorld world = EnvRegistry.make(ENV);
        List<Cell> cells = world.freeCells();
        int n = cells.size();
        float[] obs = new float[n * view.inputSize()];
        for (int i = 0; i < n; i++) {
            world.encode(new GridState(cells.get(i).row(), cells.get(i).col(), 0), obs, i * view.inputSize());
        }
        double[] p = new double[n * view.actionCount()];
        double[] v = new double[n];
        view.evaluate(obs, n, p, v);
        double[] out = new double[p.length + v.length];
        System.arraycopy(p, 0, out, 0, p.length);
        System.arraycopy(v, 0, out, p.length, v.length);
        return out;
    }
}
