package dev.lantern.analysis.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMapParser;
import dev.lantern.environments.registry.EnvRegistry;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Linear probes find a concept a neuron is built to carry, score chance on shuffled labels, and refuse constants. */
class ConceptProbeTest {

    /** An open 4 x 6 room, symbolic input: [row one-hot (4), column one-hot (6), 5 flags]. */
    private static GridWorld room() {
        return new GridWorld("room", GridMapParser.parse("room.txt", "S.....\n......\n......\n.....G\n"), 50,
                GridObservation.symbolic());
    }

    /**
     * A network whose torso.dense0 neuron 2 is, before its tanh, exactly the agent's column and neuron 5 exactly its
     * row; every other weight 0.
     */
    private static ActorCriticNet columnAndRowNetwork() {
        ActorCriticNet net = ActorCriticNet.create(15, 4, new int[] {8, 4}, 1e-3, 0, 1, DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        INDArray w0 = net.graph().getLayer("torso.dense0").getParam("W");
        for (int c = 0; c < 6; c++) {
            w0.putScalar(4 + c, 2, c);
        }
        for (int r = 0; r < 4; r++) {
            w0.putScalar(r, 5, r);
        }
        return net;
    }

    @Test
    void aNeuronBuiltToBeTheColumnIsFoundAtRSquaredOneAndTheShuffledControlIsNot() {
        StateBatch states = StateBatch.of(room());
        assertEquals(24, states.size());
        assertEquals(15, states.observationSize());
        ActivationAtlas atlas = ActivationAtlas.record(columnAndRowNetwork().inspect(), states);
        for (int s = 0; s < states.size(); s++) { // the design itself
            assertEquals(states.state(s).col(), atlas.activations("torso.dense0.pre").get(s, 2), 0);
            assertEquals(states.state(s).row(), atlas.activations("torso.dense0.pre").get(s, 5), 0);
        }
        for (long seed = 0; seed < 10; seed++) {
            ConceptProbe probe = new ConceptProbe(atlas, seed);
            ProbeScore col = probe.probe("torso.dense0.pre", Concept.agentColumn(states));
            ProbeScore row = probe.probe("torso.dense0.pre", Concept.agentRow(states));
            assertTrue(col.defined(), col.toString());
            assertEquals(1.0, col.score(), 1e-9, col.toString());
            assertEquals(1.0, row.score(), 1e-9, row.toString());
            assertEquals(0.0, col.chance());
            assertTrue(col.shuffled() < 0.5, col.toString()); // the control: see the test on chance below
            assertEquals(16, col.train()); // 23 decision states (the goal is terminal), 30% held out
            assertEquals(7, col.test());
            // the column as a class from the same neuron: ridge on one-hot targets is not exact through one
            // feature, so only the input site (one feature per column) must be perfect
            Concept columnClass = new Concept("column class", Concept.Kind.CLASS, Concept.agentColumn(states).values());
            assertEquals(1.0, probe.probe("obs", columnClass).score(), 0, probe.probe("obs", columnClass).toString());
        }
        // through the tanh the column is no longer linear: below 1, but far above the shuffled control
        ProbeScore squashed = new ConceptProbe(atlas, 3).probe("torso.dense0", Concept.agentColumn(states));
        assertTrue(squashed.score() < 1 - 1e-6 && squashed.score() > squashed.shuffled() + 0.3, squashed.toString());
    }

    @Test
    void hasKeyIsReadFromTheKeyDoorInputAtAccuracyOneOnEverySplitOfTheDecisionStates() {
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/key-door-v1"));
        ActivationAtlas atlas = ActivationAtlas.record(
                ActorCriticNet.create(states.observationSize(), 4, new int[] {16, 8}, 1e-3, 0, 7, DataType.DOUBLE)
                        .inspect(), states);
        for (long seed = 0; seed < 10; seed++) { // seed 0's plain split held out none of the 14 keyless states
            ProbeScore key = new ConceptProbe(atlas, seed).probe("obs", Concept.hasKey(states));
            assertTrue(key.defined(), key.toString());
            assertEquals(1.0, key.score(), 0, key.toString());
            assertEquals(0.5, key.chance());
            assertEquals(16, key.test()); // stratified: 4 of the 14 keyless, 12 of the 40 with the key
            assertEquals(12.0 / 16, key.majority(), 1e-12, key.toString()); // "always has the key": 75% accurate
            assertTrue(key.ridge() >= 1e-8 && key.ridge() <= 1e2 && key.lambda() > 0, key.toString());
        }
    }

    @Test
    void theSplitOfAClassIsStratifiedSoEveryClassIsOnBothSides() {
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/key-door-v1"));
        ActivationAtlas atlas = ActivationAtlas.record(
                ActorCriticNet.create(states.observationSize(), 4, new int[] {8, 4}, 1e-3, 0, 2, DataType.DOUBLE)
                        .inspect(), states);
        Concept key = Concept.hasKey(states);
        for (long seed = 0; seed < 20; seed++) {
            ProbeSplit split = new ConceptProbe(atlas, seed).split(key);
            assertEquals(10, count(split.train(), key, 0), split.toString()); // 14 keyless: 4 held out
            assertEquals(4, count(split.test(), key, 0));
            assertEquals(28, count(split.train(), key, 1)); // 40 with the key: 12 held out
            assertEquals(12, count(split.test(), key, 1));
            int[][] folds = split.folds(5);
            for (int[] fold : folds) { // every fold holds 2 of the 10 keyless training states, 5 or 6 of the 28
                assertEquals(2, count(fold, key, 0), Arrays.toString(fold));
                assertTrue(count(fold, key, 1) == 5 || count(fold, key, 1) == 6, Arrays.toString(fold));
            }
            assertEquals(38, Arrays.stream(folds).mapToInt(f -> f.length).sum());
        }
        // a quantity's split is plain: the same for every quantity with values on the same states
        ConceptProbe probe = new ConceptProbe(atlas, 3);
        assertEquals(probe.split(Concept.agentRow(states)), probe.split(Concept.agentColumn(states)));
    }

    @Test
    void onShuffledLabelsTheProbeScoresChance() {
        // tolerance: the mean over 40 seeds of the shuffled control is within 0.1 of chance (balanced accuracy:
        // 1 / classes; R^2: 0, which a shuffled probe can only miss from below, so R^2 is held to <= 0.1)
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/key-door-v1"));
        ActivationAtlas atlas = ActivationAtlas.record(
                ActorCriticNet.create(states.observationSize(), 4, new int[] {16, 8}, 1e-3, 0, 7, DataType.DOUBLE)
                        .inspect(), states);
        double key = 0;
        double col = 0;
        int seeds = 40;
        for (long seed = 0; seed < seeds; seed++) {
            ConceptProbe probe = allStates(atlas, seed);
            key += probe.probe("obs", Concept.hasKey(states)).shuffled() / seeds;
            col += probe.probe("torso.dense0", Concept.agentColumn(states)).shuffled() / seeds;
        }
        System.out.printf("shuffled controls, mean of %d seeds: has key %.3f (chance 0.5), column R^2 %.3f%n", seeds,
                key, col);
        assertEquals(0.5, key, 0.1);
        assertTrue(col <= 0.1, "shuffled R^2 " + col);
    }

    @Test
    void theRandomInitialisationControlIsTheSameProbeOnAFreshNetworkOfTheSameShape() {
        StateBatch states = StateBatch.of(room());
        ActivationAtlas trained = ActivationAtlas.record(columnAndRowNetwork().inspect(), states);
        ActivationAtlas fresh = ActivationAtlas.record(
                ActorCriticNet.create(15, 4, new int[] {8, 4}, 1e-3, 0, 11, DataType.DOUBLE).inspect(), states);
        ConceptProbe probe = new ConceptProbe(trained, 4);
        assertTrue(Double.isNaN(probe.probe("torso.dense0.pre", Concept.agentColumn(states)).random()));
        ProbeScore col = probe.withRandomControl(fresh).probe("torso.dense0.pre", Concept.agentColumn(states));
        assertEquals(1.0, col.score(), 1e-9);
        // the same split and labels on the fresh network's sites: exactly what probing it directly gives
        assertEquals(new ConceptProbe(fresh, 4).probe("torso.dense0.pre", Concept.agentColumn(states)).score(),
                col.random());
        // what the control is for: the symbolic input varies in 8 directions here (4 rows + 6 columns, less the
        // two sums; the flags are constant), so 8 random linear projections of it keep every linear concept of it,
        // and the fresh network's pre-activation decodes the column as exactly as the designed neuron
        assertEquals(1.0, col.random(), 1e-9, col.toString());
        // through a random tanh the column is no longer exactly linear
        ProbeScore squashed = probe.withRandomControl(fresh).probe("torso.dense0", Concept.agentColumn(states));
        assertTrue(squashed.random() < 1 - 1e-6, squashed.toString());
        System.out.printf("column at torso.dense0.pre: designed %.12f, random init %.12f, shuffled %.3f;"
                + " at torso.dense0: designed %.3f, random init %.3f%n", col.score(), col.random(), col.shuffled(),
                squashed.score(), squashed.random());
        ActivationAtlas other = ActivationAtlas.record(
                ActorCriticNet.create(15, 4, new int[] {8, 5}, 1e-3, 0, 11, DataType.DOUBLE).inspect(), states);
        assertThrows(IllegalArgumentException.class, () -> probe.withRandomControl(other));
    }

    @Test
    void aConstantConceptIsUndefinedNotPerfect() {
        StateBatch fourRooms = StateBatch.of(EnvRegistry.make("grid/four-rooms-v1"));
        ActivationAtlas atlas = ActivationAtlas.record(
                ActorCriticNet.create(fourRooms.observationSize(), 4, new int[] {8, 4}, 1e-3, 0, 2, DataType.DOUBLE)
                        .inspect(), fourRooms);
        ProbeScore key = new ConceptProbe(atlas, 1).probe("torso.dense0", Concept.hasKey(fourRooms)); // no keys
        assertFalse(key.defined());
        assertTrue(Double.isNaN(key.score()) && Double.isNaN(key.shuffled()) && Double.isNaN(key.chance()));
        assertEquals("no keys on this map", key.undefined());
        double[] oneState = filled(fourRooms.size(), Double.NaN); // a value on 3 states only: no split
        oneState[0] = 0;
        oneState[1] = 1;
        oneState[2] = 2;
        ProbeScore few = new ConceptProbe(atlas, 1).probe("obs", new Concept("three", Concept.Kind.QUANTITY, oneState));
        assertFalse(few.defined());
        assertTrue(few.undefined().contains("3 probed states"), few.undefined());
        ProbeScore flat = new ConceptProbe(atlas, 1).probe("obs",
                new Concept("seven", Concept.Kind.QUANTITY, filled(fourRooms.size(), 7)));
        assertFalse(flat.defined());
        assertTrue(Double.isNaN(flat.score()));
    }

    @Test
    void theSplitIsSeededDisjointAndCoversTheDecisionStates() {
        StateBatch states = StateBatch.of(EnvRegistry.make("grid/key-door-v1"));
        ActivationAtlas atlas = ActivationAtlas.record(
                ActorCriticNet.create(states.observationSize(), 4, new int[] {8, 4}, 1e-3, 0, 2, DataType.DOUBLE)
                        .inspect(), states);
        ConceptProbe a = new ConceptProbe(atlas, 5);
        ConceptProbe b = new ConceptProbe(atlas, 5);
        Concept row = Concept.agentRow(states);
        assertArrayEquals(a.split(row).train(), b.split(row).train());
        assertEquals(a.probe("torso.dense0", row), b.probe("torso.dense0", row));
        assertNotEquals(Arrays.toString(a.split(row).train()),
                Arrays.toString(new ConceptProbe(atlas, 6).split(row).train()));
        int[] all = java.util.stream.IntStream.concat(Arrays.stream(a.split(row).train()),
                Arrays.stream(a.split(row).test())).sorted().toArray();
        boolean[] decides = states.decisionStates();
        int[] expected = java.util.stream.IntStream.range(0, states.size()).filter(s -> decides[s]).toArray();
        assertArrayEquals(expected, all); // disjoint (no repeats) and exactly the decision states
        List<ProbeScore> table = a.table(List.of(Concept.agentRow(states), Concept.hasKey(states)));
        assertEquals(2 * atlas.sites().size(), table.size());
    }

    /** Every state of the atlas, the default settings. */
    private static ConceptProbe allStates(ActivationAtlas atlas, long seed) {
        boolean[] all = new boolean[atlas.states().size()];
        Arrays.fill(all, true);
        return new ConceptProbe(atlas, all, ProbeSettings.defaults(), seed);
    }

    private static int count(int[] states, Concept c, double label) {
        return (int) Arrays.stream(states).filter(s -> c.value(s) == label).count();
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
