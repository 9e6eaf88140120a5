package dev.lantern.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.ExactConcepts;
import dev.lantern.analysis.circuits.StateBatch;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Neuron drift: a checkpoint against itself changes nothing; the hand-built pair changes what was changed. */
class NeuronDriftTest {

    @Test
    void aCheckpointAgainstItselfChangesNoNeuron() {
        StateBatch states = TinyPair.states();
        ActivationAtlas a = ActivationAtlas.record(TinyPair.a().inspect(), states);
        List<NeuronChange> changes = NeuronDrift.of(a, a, ExactConcepts.builtIn(states, 0.99));
        assertEquals(6, changes.size(), "two hidden layers of 3");
        for (NeuronChange c : changes) {
            assertEquals(0.0, c.effectChange(), c.toString());
            assertEquals(0.0, c.descriptionChange(), c.toString());
            assertTrue(!c.conceptChanged(), c.toString());
        }
    }

    @Test
    void theHandBuiltPairKeepsEveryDescriptionAndChangesTheRightNeuronsEffect() {
        StateBatch states = TinyPair.states();
        ActivationAtlas a = ActivationAtlas.record(TinyPair.a().inspect(), states);
        ActivationAtlas b = ActivationAtlas.record(TinyPair.b().inspect(), states);
        List<NeuronChange> changes = NeuronDrift.of(a, b, ExactConcepts.builtIn(states, 0.99));
        for (NeuronChange c : changes) {
            // the torso is the same, so every activation and description is
            assertEquals(0.0, c.descriptionChange(), c.toString());
        }
        NeuronChange top = NeuronDrift.byEffect(changes).get(0);
        // the right-logit path: mean-ablating it flips 9 of 19 actions at a (to left), none at b (left already)
        assertTrue(top.neuron() == 0, top.toString());
        assertEquals(9 / 19.0, top.greedyChangedA(), 1e-15);
        assertEquals(0.0, top.greedyChangedB(), 1e-15);
        assertTrue(top.effectChange() > 0);
    }

    @Test
    void differentHiddenLayersAreRefused() {
        StateBatch states = TinyPair.states();
        ActivationAtlas a = ActivationAtlas.record(TinyPair.a().inspect(), states);
        ActivationAtlas wide = ActivationAtlas.record(
                ActorCriticNet.create(26, 4, new int[] {5, 3}, 1e-3, 0, 1, DataType.DOUBLE).inspect(), states);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NeuronDrift.of(a, wide, ExactConcepts.builtIn(states, 0.99)));
        assertTrue(e.getMessage().contains("same architecture"), e.getMessage());
    }
}
