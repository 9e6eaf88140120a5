package dev.lantern.agents.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lantern.agents.api.Gradients;
import dev.lantern.agents.api.InspectableNetwork;
import dev.lantern.agents.api.Intervention;
import dev.lantern.agents.api.Readout;
import dev.lantern.agents.api.Recording;
import dev.lantern.agents.api.Site;
import dev.lantern.agents.dqn.QNet;
import dev.lantern.agents.dqn.QView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The inspection seam: it sees what the agent computes, changes only what it is told to, and never the trained net. */
class InspectableNetworkTest {

    private static final List<String> AC_SITES = List.of("obs", "torso.dense0.pre", "torso.dense0", "torso.dense1.pre",
            "torso.dense1", "policy.logits", "value.out");

    @Test
    void sitesMirrorTheNetwork() {
        InspectableNetwork ac = ActorCriticNet.create(6, 4, new int[] {5, 3}, 1e-3, 0, 1, DataType.FLOAT).inspect();
        assertEquals(AC_SITES, ac.sites().stream().map(Site::name).toList());
        assertEquals(List.of(new Site("policy.logits", 4), new Site("value.out", 1)), ac.heads());
        assertEquals(5, ac.site("torso.dense0.pre").width());
        assertEquals(6, ac.inputSize());
        InspectableNetwork q = QNet.create(6, 4, new int[] {5, 3}, 1e-3, 1, DataType.FLOAT).inspect();
        assertEquals(List.of("obs", "torso.dense0.pre", "torso.dense0", "torso.dense1.pre", "torso.dense1", "q.values"),
                q.sites().stream().map(Site::name).toList());
        assertThrows(IllegalArgumentException.class, () -> q.site("policy.logits"));
    }

    @Test
    void recordingWithoutInterventionsIsTheAgentsOwnForwardPassToRounding() {
        // the same products and sums as DL4J's output(), in an order of the inspector's own (DenseStep.preActivation):
        // equal to the type's rounding, not bit for bit (a BLAS gemm's order depends on the CPU and the batch)
        SplittableRandom rng = new SplittableRandom(3);
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            double tol = type == DataType.FLOAT ? 1e-6 : 1e-13;
            ActorCriticNet net = trained(ActorCriticNet.create(12, 4, new int[] {16, 8}, 1e-2, 0, 7, type));
            double[] obs = observations(9, 12, rng);
            INDArray[] out = net.output(net.batch(floats(obs), 9));
            Map<String, INDArray> acts = net.graph().feedForward(new INDArray[] {net.batch(floats(obs), 9)}, false, false);
            Recording r = net.inspect().run(obs, 9, AC_SITES, List.of());
            assertArrayEquals(doubles(out[0]), r.get("policy.logits").values(), tol, type + " logits");
            assertArrayEquals(doubles(out[1]), r.get("value.out").values(), tol, type + " values");
            assertArrayEquals(doubles(acts.get("torso.dense0")), r.get("torso.dense0").values(), tol);
            assertArrayEquals(doubles(acts.get("torso.dense1")), r.get("torso.dense1").values(), tol);
            assertArrayEquals(obs, r.get("obs").values());
        }
        QNet q = QNet.create(12, 4, new int[] {16, 8}, 1e-3, 5, DataType.FLOAT);
        double[] obs = observations(7, 12, rng);
        QView view = new QView(q.copy(), 0);
        double[] expected = new double[7 * 4];
        view.actionValues(floats(obs), 7, expected);
        assertArrayEquals(q.qValues(q.batch(floats(obs), 7)), view.inspect().run(obs, 7, List.of("q.values"), List.of())
                .get("q.values").values(), 1e-6);
        assertArrayEquals(expected, view.inspect().run(obs, 7, List.of("q.values"), List.of()).get("q.values").values(),
                1e-6);
    }

    @Test
    void aRowsRecordingDoesNotDependOnItsBatchBitForBit() {
        // one-hot-like and dense rows, a batch of 37 (past any kernel's block) against each row alone
        SplittableRandom rng = new SplittableRandom(8);
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            InspectableNetwork seam = trained(ActorCriticNet.create(12, 4, new int[] {16, 8}, 1e-2, 0, 13, type))
                    .inspect();
            int batch = 37;
            double[] obs = observations(batch, 12, rng);
            for (int k = 0; k < 12; k += 3) {
                obs[5 * 12 + k] = 0; // some zeros (skipped terms) in one row
            }
            Recording all = seam.run(obs, batch, AC_SITES, List.of());
            for (int b = 0; b < batch; b++) {
                double[] one = java.util.Arrays.copyOfRange(obs, b * 12, (b + 1) * 12);
                Recording alone = seam.run(one, 1, AC_SITES, List.of());
                for (String site : AC_SITES) {
                    int w = seam.site(site).width();
                    assertArrayEquals(java.util.Arrays.copyOfRange(all.get(site).values(), b * w, (b + 1) * w),
                            alone.get(site).values(), type + " row " + b + " " + site);
                }
            }
        }
    }

    @Test
    void writingBackTheRecordedValueIsANoOpBitForBit() {
        SplittableRandom rng = new SplittableRandom(4);
        ActorCriticNet net = trained(ActorCriticNet.create(12, 4, new int[] {16, 8}, 1e-2, 0, 9, DataType.FLOAT));
        InspectableNetwork seam = net.inspect();
        int batch = 6;
        double[] obs = observations(batch, 12, rng);
        Recording clean = seam.run(obs, batch, AC_SITES, List.of());
        for (String site : List.of("obs", "torso.dense0.pre", "torso.dense0", "torso.dense1.pre", "torso.dense1",
                "policy.logits")) {
            int width = seam.site(site).width();
            int[] all = new int[width];
            for (int j = 0; j < width; j++) {
                all[j] = j;
            }
            List<Intervention> patch = List.of(Intervention.replace(site, all, clean.get(site).values()),
                    Intervention.scale(site, new int[] {0}, 1.0), Intervention.add(site, new int[] {width - 1}, 0.0));
            Recording patched = seam.run(obs, batch, AC_SITES, patch);
            for (String s : AC_SITES) {
                assertArrayEquals(clean.get(s).values(), patched.get(s).values(), site + " -> " + s);
            }
        }
    }

    @Test
    void nothingDoneThroughTheSeamReachesTheTrainedNetwork() {
        SplittableRandom rng = new SplittableRandom(5);
        ActorCriticNet net = trained(ActorCriticNet.create(12, 4, new int[] {16, 8}, 1e-2, 0, 11, DataType.FLOAT));
        double[] obs = observations(5, 12, rng);
        float[] params = net.params().dup().data().asFloat();
        float[] gradient = net.gradient().dup().data().asFloat();
        float[] logits = net.output(net.batch(floats(obs), 5))[0].dup().data().asFloat();
        InspectableNetwork seam = net.inspect();
        seam.run(obs, 5, AC_SITES, List.of(Intervention.ablate("torso.dense1", 0, 1, 2)));
        seam.gradients(obs, 5, new Readout("value.out", 0), AC_SITES, List.of(Intervention.scale("torso.dense0", new int[] {1}, 3)));
        double[] zero = new double[(int) net.parameterCount()];
        seam.lossAndGradient((heads, d) -> 0.0, obs, 5, zero, new double[zero.length]);
        new ActorCriticView(net.copy(), 0).inspect().run(obs, 5, AC_SITES, List.of());
        assertArrayEquals(params, net.params().dup().data().asFloat());
        assertArrayEquals(gradient, net.gradient().dup().data().asFloat());
        assertArrayEquals(logits, net.output(net.batch(floats(obs), 5))[0].dup().data().asFloat());
    }

    @Test
    void inputAndSiteGradientsMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(6);
        ActorCriticNet net = trained(ActorCriticNet.create(5, 3, new int[] {6, 4}, 1e-2, 0, 13, DataType.DOUBLE));
        InspectableNetwork seam = net.inspect();
        int batch = 3;
        double[] obs = observations(batch, 5, rng);
        List<Intervention> steer = List.of(Intervention.scale("torso.dense1", new int[] {2}, 0.5),
                Intervention.add("torso.dense0.pre", new int[] {1}, 0.3));
        for (Readout readout : List.of(new Readout("policy.logits", 2), new Readout("value.out", 0),
                new Readout("torso.dense1", 1))) {
            Gradients g = seam.gradients(obs, batch, readout, AC_SITES, steer);
            for (String site : List.of("obs", "torso.dense0.pre", "torso.dense0", "torso.dense1.pre")) {
                int width = seam.site(site).width();
                for (int b = 0; b < batch; b++) {
                    for (int j = 0; j < width; j++) {
                        double h = 1e-6;
                        double up = readout(seam, obs, batch, readout, steer, site, b, j, h);
                        double down = readout(seam, obs, batch, readout, steer, site, b, j, -h);
                        double fd = (up - down) / (2 * h);
                        assertEquals(fd, g.get(site).get(b, j), 1e-8, readout + " d/d " + site + "[" + b + "," + j + "]");
                    }
                }
            }
        }
    }

    @Test
    void lossGradientAtAnyParameterVectorMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(8);
        ActorCriticNet net = ActorCriticNet.create(4, 3, new int[] {5, 4}, 1e-2, 0, 17, DataType.DOUBLE);
        InspectableNetwork seam = net.inspect();
        double[] obs = observations(4, 4, rng);
        double[] theta = seam.parameters();
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 0.1 * rng.nextGaussian();
        }
        dev.lantern.agents.api.HeadLoss loss = (heads, d) -> {
            double sum = 0;
            for (String name : List.of("policy.logits", "value.out")) {
                double[] v = heads.get(name).values();
                for (int i = 0; i < v.length; i++) {
                    sum += 0.5 * v[i] * v[i] * (name.equals("value.out") ? 3 : 1);
                    d.get(name)[i] = v[i] * (name.equals("value.out") ? 3 : 1);
                }
            }
            return sum;
        };
        double[] grad = new double[theta.length];
        seam.lossAndGradient(loss, obs, 4, theta, grad);
        double[] scratch = new double[theta.length];
        for (int i = 0; i < theta.length; i += 3) {
            double h = 1e-6;
            double[] t = theta.clone();
            t[i] += h;
            double up = seam.lossAndGradient(loss, obs, 4, t, scratch);
            t[i] -= 2 * h;
            double down = seam.lossAndGradient(loss, obs, 4, t, scratch);
            assertEquals((up - down) / (2 * h), grad[i], 1e-8, "parameter " + i);
        }
    }

    @Test
    void aLossAtAnotherParameterVectorLeavesNothingInstalled() {
        SplittableRandom rng = new SplittableRandom(9);
        ActorCriticNet net = ActorCriticNet.create(4, 3, new int[] {5, 4}, 1e-2, 0, 18, DataType.FLOAT);
        ActorCriticView view = new ActorCriticView(net.copy(), 0);
        InspectableNetwork seam = view.inspect();
        double[] obs = observations(2, 4, rng);
        double[] before = seam.run(obs, 2, List.of("policy.logits", "value.out"), List.of()).get("policy.logits").values();
        double[] own = seam.parameters();
        double[] zero = new double[own.length];
        seam.lossAndGradient((heads, d) -> 0.0, obs, 2, zero, new double[own.length]);
        assertArrayEquals(own, seam.parameters(), "the copy's parameters after a loss at θ = 0");
        assertArrayEquals(before, seam.run(obs, 2, List.of("policy.logits"), List.of()).get("policy.logits").values(),
                "the snapshot's logits after a loss at θ = 0");
        assertEquals(view.inspect(), seam);
    }

    @Test
    void ablatingTheOneNeuronOfAHandBuiltCircuitChangesExactlyItsLogitByTheKnownAmount() {
        // obs[0] -> torso.dense0[0] -> torso.dense1[1] -> 2 x policy.logits[1]; everything else is zero but a bias.
        ActorCriticNet net = ActorCriticNet.create(2, 2, new int[] {2, 2}, 1e-3, 0, 1, DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        net.graph().getLayer("torso.dense0").getParam("W").putScalar(0, 0, 1.0);
        net.graph().getLayer("torso.dense1").getParam("W").putScalar(0, 1, 1.0);
        net.graph().getLayer("policy.logits").getParam("W").putScalar(1, 1, 2.0);
        net.graph().getLayer("policy.logits").getParam("b").putScalar(0, 0.5);
        net.graph().getLayer("value.out").getParam("b").putScalar(0, -0.25);
        InspectableNetwork seam = net.inspect();
        double[] obs = {0.5, 0.9, -0.3, 0.2};
        Recording clean = seam.run(obs, 2, List.of("policy.logits", "value.out"), List.of());
        Recording ablated = seam.run(obs, 2, List.of("policy.logits", "value.out"),
                List.of(Intervention.ablate("torso.dense1", 1)));
        for (int b = 0; b < 2; b++) {
            double known = 2 * Math.tanh(Math.tanh(obs[2 * b]));
            assertEquals(known, clean.get("policy.logits").get(b, 1), 1e-15);
            assertEquals(-known, ablated.get("policy.logits").get(b, 1) - clean.get("policy.logits").get(b, 1), 1e-15);
            assertEquals(clean.get("policy.logits").get(b, 0), ablated.get("policy.logits").get(b, 0));
            assertEquals(0.5, ablated.get("policy.logits").get(b, 0));
            assertEquals(clean.get("value.out").get(b, 0), ablated.get("value.out").get(b, 0));
        }
        // Ablating the other torso neuron changes nothing; the circuit's gradient is exactly the chain rule.
        Recording other = seam.run(obs, 2, List.of("policy.logits"), List.of(Intervention.ablate("torso.dense1", 0)));
        assertArrayEquals(clean.get("policy.logits").values(), other.get("policy.logits").values());
        Gradients g = seam.gradients(obs, 2, new Readout("policy.logits", 1), List.of("obs"), List.of());
        double t0 = Math.tanh(obs[0]);
        double t1 = Math.tanh(t0);
        assertEquals(2 * (1 - t1 * t1) * (1 - t0 * t0), g.get("obs").get(0, 0), 1e-15);
        assertEquals(0.0, g.get("obs").get(0, 1));
    }

    @Test
    void interventionsAreCheckedAgainstTheSiteAndTheBatch() {
        InspectableNetwork seam = ActorCriticNet.create(3, 2, new int[] {4, 4}, 1e-3, 0, 1, DataType.FLOAT).inspect();
        double[] obs = new double[6];
        assertThrows(IllegalArgumentException.class,
                () -> seam.run(obs, 2, List.of(), List.of(Intervention.ablate("torso.dense0", 4))));
        assertThrows(IllegalArgumentException.class,
                () -> seam.run(obs, 2, List.of(), List.of(Intervention.replace("torso.dense0", new int[] {0}, 1, 2, 3))));
        assertThrows(IllegalArgumentException.class,
                () -> seam.run(obs, 2, List.of(), List.of(Intervention.ablate("torso.dense9", 0))));
        assertThrows(IllegalArgumentException.class, () -> seam.run(obs, 2, List.of("nowhere"), List.of()));
    }

    /** The readout's value at example b after adding {@code h} to neuron j of {@code site} in example b only. */
    private static double readout(InspectableNetwork seam, double[] obs, int batch, Readout readout,
            List<Intervention> steer, String site, int b, int j, double h) {
        double[] delta = new double[batch];
        delta[b] = h;
        List<Intervention> all = new ArrayList<>(steer);
        all.add(Intervention.add(site, new int[] {j}, delta));
        return seam.run(obs, batch, List.of(readout.site()), all).get(readout.site()).get(b, readout.neuron());
    }

    /** A few real updates, so that no weight is at its initial value and Adam's state is non-trivial. */
    static ActorCriticNet trained(ActorCriticNet net) {
        SplittableRandom rng = new SplittableRandom(1);
        for (int step = 0; step < 3; step++) {
            INDArray x = net.batch(floats(observations(8, net.inputSize(), rng)), 8);
            net.forward(x);
            net.applyUpdate(net.backward(Nd4j.rand(net.dataType(), 8, net.actionCount()).subi(0.5),
                    Nd4j.rand(net.dataType(), 8, 1).subi(0.5)));
        }
        return net;
    }

    /** One-hot-like observations with a few dense values, {@code [batch * width]}. */
    static double[] observations(int batch, int width, SplittableRandom rng) {
        double[] obs = new double[batch * width];
        for (int b = 0; b < batch; b++) {
            obs[b * width + rng.nextInt(width)] = 1;
            obs[b * width + rng.nextInt(width)] = (float) (rng.nextDouble() * 2 - 1);
        }
        return obs;
    }

    static float[] floats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    static double[] doubles(INDArray a) {
        return a.dup('c').castTo(DataType.DOUBLE).data().asDouble();
    }
}
