package dev.lantern.agents.nn;

import dev.lantern.environments.random.Rng;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Weight initialization from Lantern's own seeded stream (ND4J's global RNG is not reproducible across JVMs), shared
 * by every network Lantern builds.
 */
public final class WeightInit {

    private WeightInit() {
    }

    /**
     * Fills dense layer {@code name}'s weights {@code W [in, out]} uniformly in {@code ±gain·sqrt(6 / (in + out))}
     * (Glorot), drawn row by row from {@code rng}, and sets its bias to zero.
     */
    public static void glorotUniform(ComputationGraph graph, String name, double gain, Rng rng) {
        INDArray w = graph.getLayer(name).getParam("W");
        long fanIn = w.size(0);
        long fanOut = w.size(1);
        double limit = gain * Math.sqrt(6.0 / (fanIn + fanOut));
        double[] values = new double[(int) (fanIn * fanOut)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (rng.nextDouble() * 2 - 1) * limit;
        }
        // values are laid out row-major [in, out]; assign keeps the view's own ordering.
        w.assign(Nd4j.create(values, new long[] {fanIn, fanOut}, 'c').castTo(w.dataType()));
        graph.getLayer(name).getParam("b").assign(0);
    }
}
