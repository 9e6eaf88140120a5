package dev.lantern.analysis.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Readout;
import dev.lantern.agents.dqn.QNet;
import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.agents.nn.ActorCriticView;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;

/** Attribution checked where the answer is known: linear networks, hand-built circuits, completeness. */
class AttributorTest {

    private static final AttributedOutput VALUE = AttributedOutput.of(new Readout("value.out", 0));
    private static final AttributedOutput LOGIT_1 = AttributedOutput.of(new Readout("policy.logits", 1));
    private static final AttributedOutput PROB_1 = AttributedOutput.probability("policy.logits", 1);

    @Test
    void onALinearNetworkGradientTimesInputAndIntegratedGradientsAgreeAndIgIsComplete() {
        SplittableRandom rng = new SplittableRandom(1);
        ActorCriticNet net = linear(6, 3, rng);
        Attributor attributor = new Attributor(net.inspect());
        for (int trial = 0; trial < 5; trial++) {
            double[] x = dense(6, rng);
            for (AttributedOutput out : List.of(VALUE, LOGIT_1)) {
                Attribution gxi = attributor.gradientTimesInput(x, out);
                Attribution ig = attributor.integratedGradients(x, attributor.zeros(), out, Attributor.DEFAULT_STEPS);
                assertArrayEquals(gxi.values(), ig.values(), 1e-12, out + ": IG = gradient x input on a linear net");
                assertTrue(ig.completenessError() < 1e-12, out + ": completeness error " + ig.completenessError());
                assertEquals(gxi.outputValue(), ig.outputValue(), 1e-12);
                // From any baseline IG is the (constant) gradient times x - b, even with one step.
                double[] b = dense(6, rng);
                double[] gradient = attributor.gradient(x, out).values();
                Attribution one = attributor.integratedGradients(x, b, out, 1);
                for (int i = 0; i < 6; i++) {
                    assertEquals(gradient[i] * (x[i] - b[i]), one.value(i), 1e-12, out + " feature " + i);
                }
                assertTrue(one.completenessError() < 1e-12, out + ": one-step completeness " + one.completenessError());
            }
        }
    }

    @Test
    void onAHandBuiltCircuitAllAttributionFallsOnTheDesignedFeatures() {
        // obs[1] -> torso.dense0[0], obs[3] -> torso.dense0[1]; torso.dense1[0] = tanh(d0[0] - 2 d0[1]);
        // the value reads 1.5 d1[0] and logit 1 reads -d1[0]. Every other weight is zero, biases too but two.
        ActorCriticNet net = ActorCriticNet.create(6, 3, new int[] {4, 3}, 1e-3, 0, 1, DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        net.graph().getLayer("torso.dense0").getParam("W").putScalar(1, 0, 0.8);
        net.graph().getLayer("torso.dense0").getParam("W").putScalar(3, 1, -1.1);
        net.graph().getLayer("torso.dense1").getParam("W").putScalar(0, 0, 1.0);
        net.graph().getLayer("torso.dense1").getParam("W").putScalar(1, 0, -2.0);
        net.graph().getLayer("value.out").getParam("W").putScalar(0, 0, 1.5);
        net.graph().getLayer("value.out").getParam("b").putScalar(0, 0.3);
        net.graph().getLayer("policy.logits").getParam("W").putScalar(0, 1, -1.0);
        net.graph().getLayer("policy.logits").getParam("b").putScalar(2, 0.4);
        Attributor attributor = new Attributor(net.inspect());
        SplittableRandom rng = new SplittableRandom(2);
        for (int trial = 0; trial < 4; trial++) {
            double[] x = dense(6, rng);
            for (AttributedOutput out : List.of(VALUE, LOGIT_1, PROB_1)) {
                for (Attribution a : List.of(attributor.gradient(x, out), attributor.gradientTimesInput(x, out),
                        attributor.integratedGradients(x, attributor.zeros(), out, Attributor.DEFAULT_STEPS))) {
                    for (int i : new int[] {0, 2, 4, 5}) {
                        assertTrue(a.value(i) == 0.0, out + " " + a.method() + " on undesigned feature " + i + ": "
                                + a.value(i));
                    }
                    assertNotEquals(0.0, a.value(1), out + " " + a.method() + " on feature 1");
                    assertNotEquals(0.0, a.value(3), out + " " + a.method() + " on feature 3");
                }
            }
            // To the neurons: everything on torso.dense1[0] (the one both heads read) and torso.dense0[0, 1].
            for (AttributedOutput out : List.of(VALUE, LOGIT_1, PROB_1)) {
                double[] zeros = attributor.zeros();
                Attribution d1 = attributor.neuronIntegratedGradients(x, zeros, "torso.dense1", out, 64);
                assertTrue(d1.value(1) == 0.0 && d1.value(2) == 0.0, out + ": " + Arrays.toString(d1.values()));
                // exact for the heads (linear in d1); the softmax's probability up to the quadrature's error
                assertEquals(d1.outputValue() - d1.baselineValue(), d1.value(0), 1e-9, out + " all on d1[0]");
                Attribution d0 = attributor.neuronIntegratedGradients(x, zeros, "torso.dense0", out, 64);
                assertTrue(d0.value(2) == 0.0 && d0.value(3) == 0.0, out + ": " + Arrays.toString(d0.values()));
                assertTrue(d0.completenessError() <= 1e-3, out + ": " + d0.completenessError());
            }
            // The value's gradient is the chain rule of the designed path.
            double h0 = Math.tanh(0.8 * x[1]);
            double h1 = Math.tanh(-1.1 * x[3]);
            double d1 = Math.tanh(h0 - 2 * h1);
            Attribution g = attributor.gradient(x, VALUE);
            assertEquals(1.5 * d1 + 0.3, g.outputValue(), 1e-14);
            assertEquals(1.5 * (1 - d1 * d1) * (1 - h0 * h0) * 0.8, g.value(1), 1e-14);
            assertEquals(1.5 * (1 - d1 * d1) * -2 * (1 - h1 * h1) * -1.1, g.value(3), 1e-14);
        }
    }

    @Test
    void integratedGradientsOnARandomNetworkAreCompleteWithin1e3At64Steps() {
        SplittableRandom rng = new SplittableRandom(3);
        ActorCriticNet net = randomised(ActorCriticNet.create(12, 4, new int[] {16, 8}, 1e-3, 0, 7, DataType.DOUBLE),
                rng);
        Attributor attributor = new Attributor(new ActorCriticView(net.copy(), 0).inspect());
        double worst = 0;
        double coarse = 0;
        double worstNeurons = 0;
        for (int trial = 0; trial < 10; trial++) {
            double[] x = trial % 2 == 0 ? oneHot(12, rng) : dense(12, rng);
            double[] b = trial < 5 ? attributor.zeros() : dense(12, rng);
            for (AttributedOutput out : List.of(VALUE, LOGIT_1, PROB_1)) {
                Attribution ig = attributor.integratedGradients(x, b, out, Attributor.DEFAULT_STEPS);
                assertEquals(attributor.gradient(x, out).outputValue(), ig.outputValue(), 1e-12, "F(x)");
                assertEquals(attributor.gradient(b, out).outputValue(), ig.baselineValue(), 1e-12, "F(baseline)");
                assertTrue(ig.completenessError() <= 1e-3, out + " trial " + trial + ": " + ig.completenessError());
                worst = Math.max(worst, ig.completenessError());
                for (String site : List.of("torso.dense0", "torso.dense1.pre", "torso.dense1")) {
                    Attribution neurons = attributor.neuronIntegratedGradients(x, b, site, out,
                            Attributor.DEFAULT_STEPS);
                    assertEquals(ig.outputValue(), neurons.outputValue(), 1e-12, site + " F(x)");
                    assertEquals(ig.baselineValue(), neurons.baselineValue(), 1e-12, site + " F(b)");
                    assertTrue(neurons.completenessError() <= 1e-3, out + " at " + site + ": "
                            + neurons.completenessError());
                    worstNeurons = Math.max(worstNeurons, neurons.completenessError());
                }
                Attribution two = attributor.integratedGradients(x, b, out, 2);
                coarse = Math.max(coarse, two.completenessError());
            }
        }
        System.out.printf("IG completeness error, random 12-16-8 net, 30 results: worst %.2e at 64 steps, %.2e at 2;"
                + " to neurons (3 sites, 90 results) worst %.2e%n", worst, coarse, worstNeurons);
        assertTrue(worst > 0 && coarse > 10 * worst, "the error must come from the integration: 64 steps " + worst
                + ", 2 steps " + coarse);
    }

    @Test
    void aQValueOfARandomDqnNetworkIsAttributedCompletely() {
        SplittableRandom rng = new SplittableRandom(6);
        QNet net = QNet.create(12, 4, new int[] {16, 8}, 1e-3, 5, DataType.DOUBLE);
        for (String layer : List.of("torso.dense0", "torso.dense1", "q.values")) {
            for (String p : List.of("W", "b")) {
                INDArray a = net.graph().getLayer(layer).getParam(p);
                for (long i = 0; i < a.length(); i++) {
                    a.putScalar(i, 0.6 * rng.nextGaussian());
                }
            }
        }
        Attributor attributor = new Attributor(net.inspect());
        for (int action = 0; action < 4; action++) {
            AttributedOutput q = AttributedOutput.of(new Readout("q.values", action));
            double[] x = oneHot(12, rng);
            Attribution ig = attributor.integratedGradients(x, attributor.zeros(), q, Attributor.DEFAULT_STEPS);
            assertTrue(ig.completenessError() <= 1e-3, q + ": " + ig.completenessError());
            assertEquals(ig.outputValue() - ig.baselineValue(), ig.sum(), 1e-3 * Math.abs(ig.outputValue()
                    - ig.baselineValue()));
        }
    }

    @Test
    void theCompletenessErrorIsUndefinedWhereTheOutputDoesNotMove() {
        ActorCriticNet net = ActorCriticNet.create(5, 3, new int[] {6, 4}, 1e-3, 0, 2, DataType.DOUBLE);
        Attributor attributor = new Attributor(net.inspect());
        double[] x = dense(5, new SplittableRandom(4));
        Attribution same = attributor.integratedGradients(x, x.clone(), VALUE, 8);
        assertTrue(Double.isNaN(same.completenessError()), "baseline = x: " + same.completenessError());
        assertEquals(0.0, same.sum());
        Attribution gxi = attributor.gradientTimesInput(x, VALUE);
        assertTrue(Double.isNaN(gxi.completenessError()) && Double.isNaN(gxi.baselineValue()));
        assertThrows(IllegalArgumentException.class, () -> attributor.integratedGradients(x, new double[4], VALUE, 8));
        assertThrows(IllegalArgumentException.class, () -> attributor.integratedGradients(x, x, VALUE, 0));
    }

    @Test
    void perCellSumsThePlanesAndOcclusionSeesOnlyTheDesignedCell() {
        // Two planes of four cells; the value reads only plane 1, cell 2 (feature 6): value = 2 tanh(tanh(obs[6])).
        ActorCriticNet net = ActorCriticNet.create(8, 2, new int[] {2, 2}, 1e-3, 0, 1, DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        net.graph().getLayer("torso.dense0").getParam("W").putScalar(6, 0, 1.0);
        net.graph().getLayer("torso.dense1").getParam("W").putScalar(0, 0, 1.0);
        net.graph().getLayer("value.out").getParam("W").putScalar(0, 0, 2.0);
        Attributor attributor = new Attributor(net.inspect());
        double[] x = {1, 1, 0, 1, 0, 0, 1, 0}; // plane 0: floor at 0, 1, 3; plane 1: the object at cell 2
        Attribution ig = attributor.integratedGradients(x, attributor.zeros(), VALUE, Attributor.DEFAULT_STEPS);
        double[] cells = Attributor.perCell(ig.values(), 2);
        assertEquals(4, cells.length);
        assertEquals(ig.sum(), cells[0] + cells[1] + cells[2] + cells[3], 1e-15);
        assertEquals(0.0, cells[0]);
        assertEquals(0.0, cells[1]);
        assertEquals(0.0, cells[3]);
        double known = 2 * Math.tanh(Math.tanh(1.0));
        assertEquals(known, cells[2], 1e-4 * known);
        double[] floor = {1, 0};
        assertEquals(known, attributor.occlusion(x, VALUE, 2, 2, floor), 1e-15);
        for (int cell : new int[] {0, 1, 3}) {
            assertTrue(attributor.occlusion(x, VALUE, 2, cell, floor) == 0.0, "cell " + cell);
        }
        assertThrows(IllegalArgumentException.class, () -> Attributor.perCell(new double[7], 2));
    }

    @Test
    void attributionLeavesTheNetworkBitForBit() {
        SplittableRandom rng = new SplittableRandom(5);
        ActorCriticNet net = randomised(ActorCriticNet.create(8, 3, new int[] {6, 5}, 1e-3, 0, 3, DataType.FLOAT), rng);
        float[] params = net.params().dup().data().asFloat();
        float[] outputs = net.output(net.batch(new float[8], 1))[1].dup().data().asFloat();
        InspectableNetwork seam = net.inspect();
        double[] seamParams = seam.parameters();
        Attributor attributor = new Attributor(seam);
        double[] x = oneHot(8, rng);
        for (AttributedOutput out : List.of(VALUE, LOGIT_1, PROB_1)) {
            attributor.gradient(x, out);
            attributor.gradientTimesInput(x, out);
            attributor.integratedGradients(x, attributor.zeros(), out, Attributor.DEFAULT_STEPS);
            attributor.occlusion(x, out, 2, 1, new double[] {0, 1});
        }
        assertArrayEquals(params, net.params().dup().data().asFloat(), "the trained network's parameters");
        assertArrayEquals(outputs, net.output(net.batch(new float[8], 1))[1].dup().data().asFloat(), "its value");
        assertArrayEquals(seamParams, seam.parameters(), "the snapshot copy's parameters");
    }

    /** A network with identity activations everywhere (so linear in its input), random weights and biases. */
    private static ActorCriticNet linear(int inputSize, int actions, SplittableRandom rng) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE)
                .updater(new Sgd(0.0))
                .graphBuilder()
                .addInputs("obs")
                .setInputTypes(InputType.feedForward(inputSize))
                .addLayer("torso.dense0", new DenseLayer.Builder().nOut(5).activation(Activation.IDENTITY).build(), "obs")
                .addLayer("torso.dense1", new DenseLayer.Builder().nOut(4).activation(Activation.IDENTITY).build(),
                        "torso.dense0")
                .addLayer("policy.logits", new DenseLayer.Builder().nOut(actions).activation(Activation.IDENTITY)
                        .build(), "torso.dense1")
                .addLayer("value.out", new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build(),
                        "torso.dense1")
                .setOutputs("policy.logits", "value.out")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return randomised(ActorCriticNet.wrap(graph), rng);
    }

    /** Every weight and bias drawn from N(0, 0.6^2), so the heads are not near-constant as at initialisation. */
    private static ActorCriticNet randomised(ActorCriticNet net, SplittableRandom rng) {
        for (String layer : ActorCriticNet.LAYERS) {
            for (String p : List.of("W", "b")) {
                INDArray a = net.graph().getLayer(layer).getParam(p);
                for (long i = 0; i < a.length(); i++) {
                    a.putScalar(i, 0.6 * rng.nextGaussian());
                }
            }
        }
        return net;
    }

    private static double[] dense(int n, SplittableRandom rng) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble() * 2 - 1;
        }
        return x;
    }

    private static double[] oneHot(int n, SplittableRandom rng) {
        double[] x = new double[n];
        x[rng.nextInt(n)] = 1;
        x[rng.nextInt(n)] = 1;
        return x;
    }
}
