package dev.lantern.analysis.lca;

import dev.lantern.agents.api.PinnedLoss;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adapts an agent's {@link PinnedLoss} to a double-precision {@link GradientOracle}: each point is cast to the
 * network's data type, evaluated, and the gradient read back in double precision. Moves the network's parameters;
 * callers restore them.
 */
final class PinnedLossOracle implements GradientOracle {

    private final PinnedLoss loss;
    private final DataType type;
    private final long[] shape;
    private final INDArray gradient;

    PinnedLossOracle(PinnedLoss loss, INDArray liveParams) {
        this.loss = loss;
        this.type = liveParams.dataType();
        this.shape = liveParams.shape();
        this.gradient = Nd4j.create(type, shape);
    }

    @Override
    public double evaluate(double[] theta, double[] gradientOut) {
        INDArray point = Nd4j.createFromArray(theta).castTo(type).reshape(shape);
        double value = loss.lossAndGradient(point, gradient);
        double[] g = gradient.data().asDouble();
        System.arraycopy(g, 0, gradientOut, 0, gradientOut.length);
        return value;
    }
}
