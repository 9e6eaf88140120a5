package dev.lantern.analysis.lca;

import dev.lantern.agents.api.PinnedLoss;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adapts an agent's {@link PinnedLoss} to a double-precision {@link GradientOracle}: each point is rounded to the
 * network's data type into a parameter vector this oracle owns, the loss evaluates there (on the probe's private
 * network), and the gradient is read back in double precision. Nothing here writes the trained network.
 */
final class PinnedLossOracle implements GradientOracle {

    private final PinnedLoss loss;
    private final INDArray point;
    private final INDArray gradient;
    private final float[] floats;

    /**
     * @param loss     the pinned loss
     * @param dataType the network's parameter type, FLOAT or DOUBLE
     * @param size     the number of parameters
     */
    PinnedLossOracle(PinnedLoss loss, DataType dataType, int size) {
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("parameters must be FLOAT or DOUBLE, got " + dataType);
        }
        this.loss = loss;
        this.point = Nd4j.create(dataType, 1, size);
        this.gradient = Nd4j.create(dataType, 1, size);
        this.floats = dataType == DataType.FLOAT ? new float[size] : null;
    }

    /** The loss this oracle evaluates. */
    PinnedLoss probe() {
        return loss;
    }

    @Override
    public double evaluate(double[] theta, double[] gradientOut) {
        int n = theta.length;
        if (floats != null) {
            for (int i = 0; i < n; i++) {
                floats[i] = (float) theta[i];
            }
            point.data().asNioFloat().put(0, floats, 0, n);
        } else {
            point.data().asNioDouble().put(0, theta, 0, n);
        }
        double value = loss.lossAndGradient(point, gradient);
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
