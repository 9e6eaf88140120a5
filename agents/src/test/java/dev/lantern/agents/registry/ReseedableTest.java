package dev.lantern.agents.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.AgentKind;
import dev.lantern.agents.api.LearnerContext;
import dev.lantern.agents.api.LearningAgent;
import dev.lantern.agents.api.Reseedable;
import dev.lantern.agents.api.TrainsOn;
import dev.lantern.agents.run.state.StateReader;
import dev.lantern.agents.run.state.StateWriter;
import dev.lantern.environments.board.TicTacToe;
import dev.lantern.environments.random.Seeds;
import dev.lantern.environments.registry.EnvRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Every registered learner is {@link Reseedable}: its streams are named as in {@link Seeds} (never {@code init}), a
 * reseed changes the saved state, twice is the same as once, a checkpoint carries it (saved, restored into a fresh
 * agent and saved again: the same bytes), and an unknown stream is refused with the ones it has.
 */
class ReseedableTest {

    static Stream<AgentKind<?>> kinds() {
        return Learners.all().stream();
    }

    private static LearningAgent fresh(AgentKind<?> kind) {
        LearnerContext c = kind.trainsOn() == TrainsOn.GRID_WORLDS
                ? new LearnerContext(() -> EnvRegistry.make("grid/empty-8x8-v1"), null, 7, 1000, 0, DataType.FLOAT, 1,
                        Double.NaN)
                : new LearnerContext(null, TicTacToe.instance(), 7, 1000, 0, DataType.FLOAT, 1, Double.NaN);
        return Learners.create(kind.defaults(), c);
    }

    private static byte[] saved(LearningAgent agent) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter w = new StateWriter(bytes)) {
            agent.saveState(w);
        }
        return bytes.toByteArray();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyStreamReseedsAndTheCheckpointCarriesIt(AgentKind<?> kind) throws Exception {
        Reseedable agent = assertInstanceOf(Reseedable.class, fresh(kind), kind.type());
        List<String> streams = agent.reseedableStreams();
        assertFalse(streams.isEmpty());
        assertFalse(streams.contains(Seeds.INIT), "init is drawn before step 0");
        assertEquals(Seeds.STREAMS.stream().filter(streams::contains).toList(), streams, "in Seeds.STREAMS order");
        byte[] before = saved((LearningAgent) agent);
        for (String s : streams) {
            byte[] at = saved((LearningAgent) agent);
            agent.reseed(s, 12345L + s.hashCode());
            byte[] once = saved((LearningAgent) agent);
            assertFalse(java.util.Arrays.equals(at, once), kind.type() + ": reseeding " + s + " changed nothing");
            agent.reseed(s, 12345L + s.hashCode());
            assertArrayEquals(once, saved((LearningAgent) agent), kind.type() + ": reseeding " + s + " twice");
        }
        byte[] reseeded = saved((LearningAgent) agent);
        assertFalse(java.util.Arrays.equals(before, reseeded));
        LearningAgent other = fresh(kind);
        try (StateReader r = new StateReader(new ByteArrayInputStream(reseeded), "test")) {
            other.restoreState(r);
            r.expectEnd();
        }
        assertArrayEquals(reseeded, saved(other), kind.type() + ": the reseeded streams survive a checkpoint");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> agent.reseed("bogus", 1));
        assertTrue(e.getMessage().contains("'bogus'") && e.getMessage().contains(String.join(", ", streams)),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> agent.reseed(Seeds.INIT, 1));
    }
}
