package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Recording;
import dev.lantern.agents.dqn.QNet;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Steering: coefficient 0 is a no-op bit for bit, and the designed neuron's direction flips exactly the designed states. */
class SteeringTest {

    @Test
    void coefficientZeroLeavesEveryHeadBitForBit() {
        for (String id : List.of("grid/four-rooms-v1", "grid/key-door-v1")) {
            StateBatch states = StateBatch.of(EnvRegistry.make(id));
            InspectableNetwork ac = ActorCriticNet.create(states.observationSize(), 4, new int[] {16, 8}, 1e-3, 0, 3,
                    DataType.FLOAT).inspect();
            InspectableNetwork qn = QNet.create(states.observationSize(), 4, new int[] {12, 12}, 1e-3, 4,
                    DataType.FLOAT).inspect();
            for (InspectableNetwork net : List.of(ac, qn)) {
                ActivationAtlas atlas = ActivationAtlas.record(net, states);
                Steering steering = new Steering(atlas);
                for (String site : List.of("torso.dense0", "torso.dense1")) {
                    SteeringVector v = SteeringVector.defaultFor(atlas, site);
                    assertTrue(v.norm() > 0, v.description());
                    Recording r = steering.steeredHeads(v, 0.0);
                    for (String head : r.sites().keySet()) {
                        assertArrayEquals(atlas.activations(head).values(), r.get(head).values(), id + " " + head);
                    }
                    SteeringEffect e = steering.steer(v, 0.0);
                    assertEquals(0.0, e.greedyChanged());
                    assertEquals(0.0, e.meanAbsValue());
                    assertEquals(steering.cleanOutcome(), e.outcome());
                    // a non-zero coefficient does move the heads
                    assertTrue(steering.steer(v, 2.0).meanAbsValue() > 0, id + " " + site);
                }
            }
        }
    }

    @Test
    void steeringAlongTheDesignedNeuronFlipsExactlyTheDesignedStates() {
        StateBatch states = RowCircuit.states(5, 50);
        ActivationAtlas atlas = ActivationAtlas.record(RowCircuit.network().inspect(), states);
        Steering steering = new Steering(atlas);
        int[] right = IntStream.rangeClosed(10, 18).map(c -> states.space().indexOf(c, 0, 0)).sorted().toArray();
        int[] left = IntStream.rangeClosed(0, 9).map(c -> states.space().indexOf(c, 0, 0)).sorted().toArray();
        for (String site : List.of("torso.dense0", "torso.dense1")) {
            // the row is 20 wide: right half = columns 10..19, exactly where the designed neuron is on
            SteeringVector v = SteeringVector.rightVersusLeftHalf(atlas, site);
            double on = site.equals("torso.dense0") ? Math.tanh(2) : Math.tanh(Math.tanh(2));
            assertArrayEquals(new double[] {on, 0, 0}, v.direction(), 1e-15, "only the designed neuron differs");
            assertEquals(9, v.towardCount());
            assertEquals(10, v.awayCount());
            // -1: the right half loses the neuron, goes left; +1: the left half gains it, goes right
            SteeringEffect away = steering.steer(v, -1);
            assertArrayEquals(right, away.changedStates(), site);
            SteeringEffect toward = steering.steer(v, 1);
            assertArrayEquals(left, toward.changedStates(), site);
            assertEquals(10 / 19.0, toward.greedyChanged(), 1e-15);
            assertEquals(0.0, toward.meanAbsValue(), "V does not read the designed neuron");
            // from column 5: clean, left into the wall for 50 steps; steered toward the right, straight to the goal
            assertEquals(50 * -0.01, steering.cleanOutcome().expectedReturn(), 1e-12);
            assertEquals(13 * -0.01 + 0.99, toward.outcome().expectedReturn(), 1e-12);
            assertEquals(1.0, toward.outcome().success());
            assertEquals(IntStream.rangeClosed(5, 19).mapToObj(c -> new Cell(0, c)).toList(), toward.outcome().path());
            assertEquals(0.0, away.outcome().success());
        }
        assertThrows(IllegalArgumentException.class, () -> SteeringVector.withVersusWithoutKey(atlas, "torso.dense1"),
                "no keys on the row");
    }

    @Test
    void onTheTrojanMapTheDefaultDirectionIsTheTriggersAndItsSetsAreTheTriggerStates() {
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/trojan-v1"));
        ActivationAtlas atlas = ActivationAtlas.record(net(states), states);
        SteeringVector v = SteeringVector.defaultFor(atlas, "torso.dense0");
        assertEquals("trigger - no trigger", v.description());
        boolean[] decides = states.decisionStates();
        double[] visible = Concept.triggerVisible(states).values();
        int on = 0;
        int off = 0;
        for (int s = 0; s < states.size(); s++) {
            on += decides[s] && visible[s] == 1 ? 1 : 0;
            off += decides[s] && visible[s] == 0 ? 1 : 0;
        }
        assertTrue(on > 0 && off > 0, on + " / " + off);
        assertEquals(on, v.towardCount());
        assertEquals(off, v.awayCount());
        StateBatch fourRooms = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
        assertThrows(IllegalArgumentException.class, () -> SteeringVector.triggerVersusNoTrigger(
                ActivationAtlas.record(net(fourRooms), fourRooms), "torso.dense0"));
    }

    private static InspectableNetwork net(StateBatch states) {
        return ActorCriticNet.create(states.observationSize(), 4, new int[] {8, 8}, 1e-3, 0, 3, DataType.FLOAT)
                .inspect();
    }
}
