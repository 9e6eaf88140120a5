package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.Activations;
import dev.lantern.agents.api.Site;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.solve.GridSolution;
import dev.lantern.environments.grid.solve.ValueIteration;
import dev.lantern.environments.random.Rng;
import dev.lantern.environments.registry.EnvRegistry;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Probes on hand-built networks whose circuit is known: a neuron on exactly when the agent holds the key, neurons equal
 * to V* and to the distance to the goal; shuffled labels at chance; cross-validation beating a fixed tiny penalty.
 */
class KnownConceptCircuitTest {

    /** Key-door with the symbolic input: [row one-hot (7), column one-hot (11), key bit, 5 flags]. */
    static StateBatch keyDoorSymbolic() {
        GridWorld kd = EnvRegistry.make("grid/key-door-v1");
        return StateBatch.of(new GridWorld("key-door-symbolic", kd.map(), 200, GridObservation.symbolic()));
    }

    /** torso.dense0 neuron 0 = tanh(3 x key bit): on (0.995) exactly when the agent holds the key; all else 0. */
    static ActorCriticNet keyNeuronNetwork(double keyWeight) {
        ActorCriticNet net = zeroNetwork(24);
        net.graph().getLayer("torso.dense0").getParam("W").putScalar(18, 0, keyWeight);
        return net;
    }

    static ActorCriticNet zeroNetwork(int inputs) {
        ActorCriticNet net = ActorCriticNet.create(inputs, 4, new int[] {4, 4}, 1e-3, 0, 1, DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        return net;
    }

    @Test
    void aNeuronOnExactlyWhenTheAgentHoldsTheKeyIsFoundAtAccuracyOneAndItsShuffledControlAtChance() {
        StateBatch states = keyDoorSymbolic();
        assertEquals(24, states.observationSize());
        ActivationAtlas atlas = ActivationAtlas.record(keyNeuronNetwork(3).inspect(), states);
        Concept key = Concept.hasKey(states);
        for (int s = 0; s < states.size(); s++) { // the design
            assertEquals(key.value(s) == 1 ? Math.tanh(3) : 0, atlas.activations("torso.dense0").get(s, 0), 1e-15);
        }
        double shuffled = 0;
        int seeds = 40;
        for (long seed = 0; seed < seeds; seed++) {
            ProbeScore p = new ConceptProbe(atlas, seed).probe("torso.dense0", key);
            assertEquals(1.0, p.score(), 0, p.toString());
            assertEquals(0.5, p.chance());
            shuffled += p.shuffled() / seeds;
            // door open is the same bit on key-door: the same neuron carries it
            assertEquals(1.0, new ConceptProbe(atlas, seed).probe("torso.dense0", Concept.doorOpen(states)).score(), 0);
        }
        System.out.printf("has-key neuron: accuracy 1.0 on 40 splits; shuffled labels %.3f (chance 0.5)%n", shuffled);
        assertEquals(0.5, shuffled, 0.05); // tolerance: 40 seeds of 16 held-out states
        // the layer after reads nothing: every neuron of torso.dense1 is 0, the probe is at chance exactly
        assertEquals(0.5, new ConceptProbe(atlas, 0).probe("torso.dense1", key).score(), 0);
    }

    @Test
    void neuronsBuiltToEqualVStarAndTheDistanceToTheGoalAreFoundAtRSquaredOne() {
        StateBatch row = RowCircuit.states(); // one row of 20 cells, goal at column 19, symbolic: [row bit, 20 columns, 5 flags]
        double gamma = 0.9;
        GridSolution solution = ValueIteration.solve(row.world(), gamma);
        ActorCriticNet net = zeroNetwork(26);
        INDArray w0 = net.graph().getLayer("torso.dense0").getParam("W");
        for (int c = 0; c < 20; c++) {
            w0.putScalar(1 + c, 0, solution.value(new GridState(0, c, 0))); // neuron 0 = V*(column)
            w0.putScalar(1 + c, 1, 19 - c); // neuron 1 = steps to the goal, by hand
        }
        ActivationAtlas atlas = ActivationAtlas.record(net.inspect(), row);
        Concept vStar = ExactConcepts.optimalValue(row, gamma);
        Concept distance = ExactConcepts.distanceToGoal(row);
        for (int s = 0; s < row.size(); s++) {
            assertEquals(19 - row.state(s).col(), distance.value(s), 0); // the BFS agrees with the hand count
        }
        for (long seed = 0; seed < 10; seed++) {
            ConceptProbe probe = new ConceptProbe(atlas, seed);
            ProbeScore v = probe.probe("torso.dense0.pre", vStar);
            ProbeScore d = probe.probe("torso.dense0.pre", distance);
            assertEquals(1.0, v.score(), 1e-9, v.toString());
            assertEquals(1.0, d.score(), 1e-9, d.toString());
            assertTrue(v.shuffled() < 0.5 && d.shuffled() < 0.5, v + " " + d);
        }
        // a network whose neurons are all 0 carries neither: R^2 0 or below, never 1
        ProbeScore none = new ConceptProbe(ActivationAtlas.record(zeroNetwork(26).inspect(), row), 0)
                .probe("torso.dense0.pre", vStar);
        assertTrue(none.score() <= 0, none.toString());
    }

    @Test
    void crossValidationChoosesAPenaltyThatBeatsTheFixedTinyOneOnMoreFeaturesThanStates() {
        // 60 noisy features over 80 states, the target a weak function of the first: a fixed tiny penalty interpolates
        // the 56 training states and predicts the held-out ones badly; cross-validation on the training states picks
        // a larger penalty
        int n = 80;
        int p = 60;
        Rng rng = new Rng(5);
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i * p + j] = rng.nextGaussian();
            }
            y[i] = x[i * p] + 0.5 * rng.nextGaussian();
        }
        Activations a = new Activations(new Site("features", p), n, x);
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        ProbeSplit split = ProbeSplit.plain(all, 0.3, new Rng(9));
        CrossValidatedRidge.Result cv = CrossValidatedRidge.fit(a, Concept.Kind.QUANTITY, y, null, split,
                ProbeSettings.defaults());
        CrossValidatedRidge.Result fixed = CrossValidatedRidge.fit(a, Concept.Kind.QUANTITY, y, null, split,
                ProbeSettings.defaults().withRidge(1e-10));
        System.out.printf("60 features, 56 training states: cross-validated R^2 %.3f (ridge %.0e), fixed 1e-10 R^2 %.3f%n",
                cv.score(), cv.ridge(), fixed.score());
        assertTrue(cv.ridge() > 1e-8, cv.toString());
        assertTrue(cv.score() > fixed.score() + 0.3 && cv.score() > 0.5, cv + " vs " + fixed);
    }
}
