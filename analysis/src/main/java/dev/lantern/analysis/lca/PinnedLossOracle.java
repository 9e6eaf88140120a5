package dev.lantern.analysis.lca;

import dev.lantern.agents.api.PinnedLoss;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adapts an agent's {@link PinnedLoss} to a double-precision {@link GradientOracle}: each point is written, in the
 * network's data type, straight into the live parameter vector (so the loss evaluates there without another copy),
 * and the gradient is read back in double precision. Moves the network's parameters; callers restore them.
 */
final class PinnedLossOracle implements GradientOracle {

    private final PinnedLoss loss;
    private final INDArray live;
    private final INDArray gradient;
    private final float[] floats;

    /**
     * @param loss       the pinned loss
     * @param liveParams the network's live parameter vector: a root array in 'c' order, FLOAT or DOUBLE
     */
    PinnedLossOracle(PinnedLoss loss, INDArray liveParams) {
        DataType type = liveParams.dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("parameters must be FLOAT or DOUBLE, got " + type);
        }
        this.loss = loss;
        this.live = liveParams;
        this.gradient = Nd4j.create(type, liveParams.shape());
        this.floats = type == DataType.FLOAT ? new float[(int) liveParams.length()] : null;
    }

    /** The loss this oracle evaluates. */
    PinnedLoss probe() {
        return loss;
    }

    /** The live parameter vector it writes into. */
    INDArray live() {
        return live;
    }

    /** Writes {@code theta}, in the network's data type, into the live parameter vector. */
    void moveTo(double[] theta) {
        int n = theta.length;
        if (floats != null) {
            for (int i = 0; i < n; i++) {
                floats[i] = (float) theta[i];
            }
            FloatBuffer p = live.data().asNioFloat();
            p.put(0, floats, 0, n);
        } else {
            DoubleBuffer p = live.data().asNioDouble();
            p.put(0, theta, 0, n);
        }
    }

    @Override
    public double evaluate(double[] theta, double[] gradientOut) {
        int n = theta.length;
        moveTo(theta);
        double value = loss.lossAndGradient(live, gradient);
        if (floats != null) {
            gradient.data().asNioFloat().get(0, floats, 0, n);
            for (int i = 0; i < n; i++) {
                gradientOut[i] = floats[i];
            }
        } else {
            gradient.data().asNioDouble().get(0, gradientOut, 0, n);
        }
        return value;
    }
}
