package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.nn.ActorCriticNet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The concept x site x checkpoint grid on hand-built snapshots: the key is found where it is built and nowhere else. */
class WhatWhenWhereTest {

    @Test
    void hasKeyScoresOneAtTheSnapshotThatCarriesItAndChanceAtTheOneThatDoesNot() {
        StateBatch states = KnownConceptCircuitTest.keyDoorSymbolic();
        ActivationAtlas carries = ActivationAtlas.record(KnownConceptCircuitTest.keyNeuronNetwork(3).inspect(), states);
        ActivationAtlas constant = ActivationAtlas.record(KnownConceptCircuitTest.zeroNetwork(24).inspect(), states);
        ActivationAtlas fresh = ActivationAtlas.record(
                ActorCriticNet.create(24, 4, new int[] {4, 4}, 1e-3, 0, 9, DataType.DOUBLE).inspect(), states);
        List<Concept> concepts = List.of(Concept.hasKey(states), Concept.agentColumn(states));
        List<String> sites = List.of("torso.dense0", "torso.dense1");
        double shuffled = 0;
        int seeds = 30;
        for (long seed = 0; seed < seeds; seed++) {
            WhatWhenWhere www = WhatWhenWhere.of(List.of(new WhatWhenWhere.Snapshot(1000, carries),
                    new WhatWhenWhere.Snapshot(2000, constant)), fresh, concepts, sites, seed);
            assertEquals(List.of(1000L, 2000L), www.steps());
            ProbeScore a = www.score(0, 0, 0);
            ProbeScore b = www.score(0, 0, 1);
            assertEquals("has key", a.concept());
            assertEquals(1.0, a.score(), 0, a.toString()); // snapshot A: the neuron is the key bit
            assertEquals(0.5, b.score(), 0, b.toString()); // snapshot B: nothing varies, the majority guess
            assertEquals(0.5, www.score(0, 1, 0).score(), 0); // dense1 reads nothing in either snapshot
            // nothing at all in B: the column's R^2 is 0 or below (in A the key neuron tells the start room from the
            // goal room, so it says something of the column there)
            assertTrue(www.score(1, 0, 1).score() <= 0, www.score(1, 0, 1).toString());
            // the random-initialisation control: probed once, the same in every checkpoint's cell
            ProbeScore control = new ConceptProbe(fresh, seed).probe("torso.dense0", concepts.get(0));
            assertEquals(control.score(), www.randomInit(0, 0).score(), 0);
            assertEquals(control.score(), a.random(), 0);
            assertEquals(control.score(), b.random(), 0);
            assertEquals(new ConceptProbe(carries, seed).probe("torso.dense0", concepts.get(0)).shuffled(),
                    a.shuffled(), 0); // a cell is the checkpoint's own probe
            shuffled += a.shuffled() / seeds;
            assertEquals(2 * 2 * 2, www.cells().size());
        }
        System.out.printf("what-when-where: has key 1.0 at the snapshot that carries it, 0.5 at the constant one;"
                + " shuffled labels %.3f over %d seeds (chance 0.5)%n", shuffled, seeds);
        assertEquals(0.5, shuffled, 0.05);
    }

    @Test
    void snapshotsOfAnotherShapeOrAnUnknownSiteAreRefused() {
        StateBatch states = KnownConceptCircuitTest.keyDoorSymbolic();
        ActivationAtlas a = ActivationAtlas.record(KnownConceptCircuitTest.zeroNetwork(24).inspect(), states);
        ActivationAtlas wider = ActivationAtlas.record(
                ActorCriticNet.create(24, 4, new int[] {5, 4}, 1e-3, 0, 9, DataType.DOUBLE).inspect(), states);
        List<Concept> concepts = List.of(Concept.hasKey(states));
        assertThrows(IllegalArgumentException.class, () -> WhatWhenWhere.of(List.of(new WhatWhenWhere.Snapshot(1, a),
                new WhatWhenWhere.Snapshot(2, wider)), a, concepts, List.of("torso.dense0"), 0));
        assertThrows(IllegalArgumentException.class, () -> WhatWhenWhere.of(List.of(new WhatWhenWhere.Snapshot(1, a)),
                wider, concepts, List.of("torso.dense0"), 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WhatWhenWhere.of(
                List.of(new WhatWhenWhere.Snapshot(1, a)), a, concepts, List.of("torso.dense9"), 0));
        assertTrue(e.getMessage().contains("torso.dense9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WhatWhenWhere.of(List.of(), a, concepts, List.of(), 0));
    }
}
