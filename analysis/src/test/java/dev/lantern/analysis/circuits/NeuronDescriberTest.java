package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.nn.ActorCriticNet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Descriptions of hand-built neurons name the concept each was built to carry. */
class NeuronDescriberTest {

    /**
     * On RowCircuit's symbolic row of 20 cells: dense0[0] = tanh(1e-4 c), a copy of the column (tanh is linear there
     * within 1e-8); dense0[1] dead; dense0[2] = tanh 0.5 everywhere; dense1[0] = tanh(-dense0[0]), the column
     * negated; right's logit is -1e4 dense1[0] (about the column), left's 0.5: greedy left in column 0 only.
     */
    private static InspectableNetwork columnNetwork() {
        ActorCriticNet net = ActorCriticNet.create(26, 4, new int[] {3, 3}, 1e-3, 0, 1, DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        INDArray w0 = net.graph().getLayer("torso.dense0").getParam("W");
        for (int c = 0; c < 20; c++) {
            w0.putScalar(1 + c, 0, 1e-4 * c);
        }
        net.graph().getLayer("torso.dense0").getParam("b").putScalar(2, 0.5);
        net.graph().getLayer("torso.dense1").getParam("W").putScalar(0, 0, -1.0);
        net.graph().getLayer("policy.logits").getParam("W").putScalar(0, 2, -1e4);
        net.graph().getLayer("policy.logits").getParam("b").putScalar(3, 0.5);
        return net.inspect();
    }

    @Test
    void aNeuronCopyingTheColumnTracksTheAgentColumnAtROne() {
        StateBatch states = RowCircuit.states();
        ActivationAtlas atlas = ActivationAtlas.record(columnNetwork(), states);
        List<Concept> concepts = List.of(Concept.agentRow(states), Concept.hasKey(states), Concept.agentColumn(states));
        NeuronDescriber describer = new NeuronDescriber(atlas, concepts, 3);
        NeuronAblation ablation = new NeuronAblation(atlas);
        List<NeuronDescription> all = describer.describeAll(ablation.table(AblationKind.MEAN));
        assertEquals(6, all.size(), "every hidden neuron of 3 + 3");

        NeuronDescription column = all.get(0);
        assertEquals("agent column", column.concept(), "row and has key are constant on one row without keys");
        assertEquals(1.0, column.r(), 1e-8);
        assertFalse(column.dead());
        int[] top = {18, 17, 16};
        assertArrayEquals(java.util.Arrays.stream(top).map(c -> states.space().indexOf(c, 0, 0)).toArray(),
                column.topStates(), "largest column first; 19 is the goal, not a decision state");
        assertEquals(List.of("(0,18)", "(0,17)", "(0,16)"), column.topLabels());
        assertTrue(column.text().startsWith("torso.dense0 #0: tracks agent column (r = 1.00); strongest on (0,18)"),
                column.text());

        NeuronDescription negated = all.get(3);
        assertEquals("torso.dense1", negated.site());
        assertEquals("agent column", negated.concept());
        assertEquals(-1.0, negated.r(), 1e-8);
        assertEquals(List.of("(0,0)", "(0,1)", "(0,2)"), negated.topLabels(), "the negated column peaks at column 0");
        // the mean (about column 9) puts right's logit near 9 > 0.5 everywhere: only column 0 changes, to right
        assertEquals(1 / 19.0, negated.ablation().greedyChanged(), 1e-15);
        assertTrue(negated.text().endsWith("; mean ablation flips 5% of greedy actions, |dV| 0"), negated.text());

        NeuronDescription dead = all.get(1);
        assertTrue(dead.dead());
        assertNull(dead.concept());
        assertTrue(Double.isNaN(dead.r()));
        assertTrue(dead.text().startsWith("torso.dense0 #1: dead (|a| < 1e-3 on every state)"), dead.text());

        NeuronDescription constant = all.get(2);
        assertFalse(constant.dead());
        assertNull(constant.concept());
        assertTrue(constant.text().startsWith("torso.dense0 #2: constant (a = 0.462 on every decision state)"),
                constant.text());
    }

    @Test
    void aClassWithManyLabelsIsMatchedLabelByLabel() {
        StateBatch states = RowCircuit.states();
        ActivationAtlas atlas = ActivationAtlas.record(columnNetwork(), states);
        double[] third = new double[states.size()];
        for (int s = 0; s < third.length; s++) {
            third[s] = states.state(s).col() % 3;
        }
        NeuronDescriber describer = new NeuronDescriber(atlas,
                List.of(new Concept("column mod 3", Concept.Kind.CLASS, third)), 1);
        NeuronDescription d = describer.describe("torso.dense0", 0, null);
        assertTrue(d.concept().startsWith("column mod 3 = "), d.concept());
        assertTrue(Math.abs(d.r()) < NeuronDescriber.TRACKS, "a column is no residue: " + d.r());
        assertTrue(d.text().contains("best match column mod 3 = "), d.text());
        assertFalse(d.text().contains("ablation"), "none given");
    }

    @Test
    void statesWhereAConceptHasNoValueAreLeftOutNotCountedAsNo() {
        StateBatch states = RowCircuit.states();
        ActivationAtlas atlas = ActivationAtlas.record(columnNetwork(), states);
        double[] column = Concept.agentColumn(states).values();
        double[] evenColumns = new double[column.length];
        double[] evenOrOdd = new double[column.length];
        for (int s = 0; s < column.length; s++) {
            evenColumns[s] = column[s] % 2 == 0 ? column[s] : Double.NaN; // like optimal action's ties
            evenOrOdd[s] = column[s] % 3 == 2 ? Double.NaN : column[s] % 3; // two labels and gaps
        }
        NeuronDescription d = new NeuronDescriber(atlas,
                List.of(new Concept("even column", Concept.Kind.QUANTITY, evenColumns)), 1)
                .describe("torso.dense0", 0, null);
        assertEquals("even column", d.concept());
        assertEquals(1.0, d.r(), 1e-8, "the column neuron equals the concept wherever the concept has a value");
        NeuronDescription c = new NeuronDescriber(atlas,
                List.of(new Concept("column mod 3", Concept.Kind.CLASS, evenOrOdd)), 1).describe("torso.dense0", 0, null);
        assertEquals("column mod 3", c.concept(), "two labels (NaN is not one): correlated as it is, not split");
        assertTrue(Double.isFinite(c.r()), c.toString());
    }
}
