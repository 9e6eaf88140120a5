package dev.lantern.analysis.games;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.analysis.circuits.ActivationAtlas;
import dev.lantern.analysis.circuits.Concept;
import dev.lantern.analysis.circuits.ProbeScore;
import dev.lantern.analysis.circuits.ProbeSettings;
import dev.lantern.analysis.circuits.WhatWhenWhere;
import dev.lantern.environments.board.TicTacToe;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network built by hand on AlphaZero's tic-tac-toe encoding ([own stones 9, opponent's 9, x to move 9]) whose
 * {@code torso.dense1} neuron 0 is "win now": the probe must find it at balanced accuracy 1, its shuffled control at
 * chance.
 */
class GameConceptProbeTest {

    private static GamePositions positions;
    private static List<Concept> concepts;

    @BeforeAll
    static void enumerate() {
        positions = GamePositions.of(TicTacToe.instance());
        concepts = GameConcepts.builtIn(positions);
    }

    /**
     * dense0 neuron l (one per line) = tanh(10 own - 100 opponent - 15) over the line's cells: about +1 exactly when
     * the mover has two stones on the line and the opponent none (the third cell is then empty), about -1 otherwise.
     * dense1 neuron 0 = tanh(10 (sum of the eight + 7)): about +1 when some line is such a threat, -1 when none is.
     * Everything else is 0.
     */
    static ActorCriticNet winNowNetwork(double threshold) {
        ActorCriticNet net = ActorCriticNet.create(27, 9, new int[] {8, 4}, 1e-3, 0, 1, DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        INDArray w0 = net.graph().getLayer("torso.dense0").getParam("W");
        INDArray b0 = net.graph().getLayer("torso.dense0").getParam("b");
        for (int l = 0; l < 8; l++) {
            for (int c = 0; c < 9; c++) {
                if ((GameConcepts.LINES[l] & (1 << c)) != 0) {
                    w0.putScalar(c, l, 10.0);
                    w0.putScalar(9 + c, l, -100.0);
                }
            }
            b0.putScalar(l, -10 * threshold);
        }
        INDArray w1 = net.graph().getLayer("torso.dense1").getParam("W");
        for (int l = 0; l < 8; l++) {
            w1.putScalar(l, 0, 10.0);
        }
        net.graph().getLayer("torso.dense1").getParam("b").putScalar(0, 70.0);
        return net;
    }

    @Test
    void theHandBuiltNeuronIsTheConceptAndTheProbeFindsItAtAccuracyOneWithItsShuffledControlAtChance() {
        Concept winNow = concepts.get(0);
        assertEquals("win now", winNow.name());
        ActivationAtlas atlas = positions.atlas(winNowNetwork(1.5).inspect());
        for (int i = 0; i < positions.size(); i++) { // the design, over every position
            double neuron = atlas.activations("torso.dense1").get(i, 0);
            assertEquals(winNow.value(i) == 1 ? 1 : -1, neuron, 1e-6, positions.position(i).render());
        }
        GameConceptProbe probe = new GameConceptProbe(positions, List.of(winNow), 3, ProbeSettings.defaults());
        ActorCriticNet fresh = ActorCriticNet.create(27, 9, new int[] {8, 4}, 1e-3, 0, 5, DataType.DOUBLE);
        WhatWhenWhere www = probe.probe(List.of(new GameConceptProbe.Checkpoint(0, fresh.inspect()),
                new GameConceptProbe.Checkpoint(100, winNowNetwork(1.5).inspect())), fresh.inspect());
        assertEquals(List.of("torso.dense0", "torso.dense1", "policy.logits", "value.out"), www.sites());
        ProbeScore found = www.score(0, 1, 1);
        System.out.printf("win now at torso.dense1: %.4f (shuffled %.4f, random init %.4f, chance %.2f, "
                + "%d train / %d held out)%n", found.score(), found.shuffled(), found.random(), found.chance(),
                found.train(), found.test());
        assertEquals(1.0, found.score(), 0.0);
        assertEquals(0.5, found.chance(), 0.0);
        assertEquals(0.5, found.shuffled(), 0.05, "the shuffled labels at chance");
        assertEquals(www.randomInit(0, 1).score(), found.random(), 0.0);
        assertEquals(www.score(0, 1, 0).score(), found.random(), 0.0, "step 0 is the fresh network itself");
        assertTrue(found.random() < 0.95, "the untrained 8-4 net does not read win now: " + found.random());
        assertEquals(positions.size(), found.train() + found.test());
    }

    @Test
    void aNeuronOnTheWrongLinesIsNotFoundAtOne() {
        // threshold 0.5: on whenever the mover has one stone on a line free of the opponent, which is not "win now"
        ActivationAtlas atlas = positions.atlas(winNowNetwork(0.5).inspect());
        GameConceptProbe probe = new GameConceptProbe(positions, List.of(concepts.get(0)), 3,
                ProbeSettings.defaults());
        ActorCriticNet broken = winNowNetwork(0.5);
        WhatWhenWhere www = probe.probe(List.of(new GameConceptProbe.Checkpoint(0, broken.inspect())),
                broken.inspect(), List.of("torso.dense1"));
        assertTrue(www.score(0, 0, 0).score() < 0.9, "score " + www.score(0, 0, 0).score());
        assertEquals(positions.size(), atlas.size());
    }

    @Test
    void aNetworkOfAnotherInputWidthIsRefusedWithBothWidths() {
        GameConceptProbe probe = new GameConceptProbe(positions, List.of(concepts.get(0)), 3,
                ProbeSettings.defaults());
        var other = ActorCriticNet.create(26, 9, new int[] {8, 4}, 1e-3, 0, 1, DataType.DOUBLE).inspect();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> probe.probe(List.of(new GameConceptProbe.Checkpoint(0, other)), other));
        assertTrue(e.getMessage().contains("26") && e.getMessage().contains("27"), e.getMessage());
        IllegalStateException noStates = assertThrows(IllegalStateException.class,
                () -> positions.atlas(winNowNetwork(1.5).inspect()).states());
        assertTrue(noStates.getMessage().contains("4520 game/tic-tac-toe-v1 positions"), noStates.getMessage());
    }
}
