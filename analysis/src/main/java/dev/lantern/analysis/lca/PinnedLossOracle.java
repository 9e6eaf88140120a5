package dev.lantern.analysis.lca;

import dev.lantern.agents.api.PinnedLoss;
import dev.lantern.agents.api.TermedLoss;
import dev.lantern.agents.api.ComputePath;
import dev.lantern.agents.api.ParameterVectors;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adapts an agent's {@link PinnedLoss} to a double-precision {@link GradientOracle}: each point is rounded to the
 * network's data type into a parameter vector this oracle owns, the loss evaluates there (on the probe's private
 * network), and the gradient is read back in double precision. Nothing here writes the trained network. The vector
 * is written and read through its host buffer on the {@link ComputePath#HOST_BUFFERS} path, through ND4J ops on the
 * other.
 *
 * <p>As a {@link TermOracle} it has the loss's terms when asked for them and the loss has several
 * ({@link TermedLoss}), else one function: the whole loss.
 */
final class PinnedLossOracle implements GradientOracle, TermOracle {

    private final PinnedLoss loss;
    private final INDArray point;
    private final INDArray gradient;
    private final float[] floats;
    private final List<String> terms;
    private final INDArray[] termGradients;

    /**
     * @param loss     the pinned loss
     * @param dataType the network's parameter type, FLOAT or DOUBLE
     * @param size     the number of parameters
     * @param perTerm  evaluate the loss's terms apart when it has several
     */
    PinnedLossOracle(PinnedLoss loss, DataType dataType, int size, boolean perTerm) {
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("parameters must be FLOAT or DOUBLE, got " + dataType);
        }
        this.loss = loss;
        this.point = Nd4j.create(dataType, 1, size);
        this.gradient = Nd4j.create(dataType, 1, size);
        this.floats = dataType == DataType.FLOAT ? new float[size] : null;
        this.terms = termNames(loss, perTerm);
        this.termGradients = new INDArray[terms.size()];
        if (terms.size() > 1) {
            for (int t = 0; t < termGradients.length; t++) {
                termGradients[t] = Nd4j.create(dataType, 1, size);
            }
        }
    }

    /** The terms the allocation is split into: the loss's own (one, for DQN's TD loss), or none without them. */
    static List<String> termNames(PinnedLoss loss, boolean perTerm) {
        return perTerm && loss instanceof TermedLoss termed ? termed.termNames() : List.of();
    }

    /** The names of the functions this oracle evaluates as a {@link TermOracle}; empty = the whole loss, unnamed. */
    List<String> termNames() {
        return terms;
    }

    @Override
    public int terms() {
        return Math.max(1, terms.size());
    }

    @Override
    public void evaluate(double[] theta, double[] valuesOut, double[][] gradientsOut) {
        if (terms.size() <= 1) {
            valuesOut[0] = evaluate(theta, gradientsOut[0]);
            return;
        }
        load(theta);
        ((TermedLoss) loss).termsAndGradients(point, valuesOut, termGradients);
        for (int t = 0; t < termGradients.length; t++) {
            read(termGradients[t], gradientsOut[t]);
        }
    }

    /** The loss this oracle evaluates. */
    PinnedLoss probe() {
        return loss;
    }

    @Override
    public double evaluate(double[] theta, double[] gradientOut) {
        load(theta);
        double value = loss.lossAndGradient(point, gradient);
        read(gradient, gradientOut);
        return value;
    }

    private void load(double[] theta) {
        ParameterVectors.write(theta, point, floats);
    }

    private void read(INDArray from, double[] out) {
        ParameterVectors.read(from, out, floats);
    }
}
