package dev.lantern.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lantern.agents.train.RecordingSession;
import dev.lantern.environments.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The target network follows the online one by hard copies every N updates, or by Polyak averaging. */
class TargetNetworkTest {

    private static DqnUpdater updater(double tau, int interval, QNet net) {
        DqnConfig c = new DqnConfig(1, 1e-2, 0.9, 16, 4, 0, 1, 1, interval, tau, true, 1, 1.0, 0.1, 10, false, 0.6,
                0.4, 1e-6, 0.0, List.of(4, 4), 1.0);
        ReplayBuffer buffer = new ReplayBuffer(16, 3);
        Rng rng = new Rng(4);
        for (int i = 0; i < 8; i++) {
            float[] o = {(float) rng.nextGaussian(), (float) rng.nextGaussian(), (float) rng.nextGaussian()};
            buffer.add(o, 0, i % 2, 1.0 - i * 0.1, i == 7 ? 0 : 0.9, o, 0);
        }
        return new DqnUpdater(c, net, buffer, null, new Rng(1), new Rng(2));
    }

    @Test
    void aHardCopyHappensEveryIntervalUpdates() {
        QNet net = QNet.create(3, 2, new int[] {4, 4}, 1e-2, 1, DataType.DOUBLE);
        DqnUpdater u = updater(1.0, 2, net);
        double[] initial = net.params().data().asDouble();
        RecordingSession s = new RecordingSession();
        u.update(s, null, 1.0);
        assertFalse(java.util.Arrays.equals(initial, net.params().data().asDouble()), "the online network moved");
        assertArrayEquals(initial, u.target().params().data().asDouble(), 0.0, "no copy after 1 of 2 updates");
        u.update(s, null, 1.0);
        assertArrayEquals(net.params().data().asDouble(), u.target().params().data().asDouble(), 0.0);
    }

    @Test
    void polyakAveragingMovesTheTargetByTau() {
        QNet net = QNet.create(3, 2, new int[] {4, 4}, 1e-2, 1, DataType.DOUBLE);
        DqnUpdater u = updater(0.25, 1, net);
        double[] initial = net.params().data().asDouble();
        u.update(new RecordingSession(), null, 1.0);
        double[] online = net.params().data().asDouble();
        double[] target = u.target().params().data().asDouble();
        for (int i = 0; i < target.length; i++) {
            assertEquals(0.25 * online[i] + 0.75 * initial[i], target[i], 1e-15, "parameter " + i);
        }
    }
}
