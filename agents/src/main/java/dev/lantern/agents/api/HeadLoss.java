package dev.lantern.agents.api;

import java.util.Map;

/**
 * A loss defined on a network's heads, for {@link InspectableNetwork#lossAndGradient}: reads the heads' outputs and
 * writes dLoss/dOutput, both in double precision.
 */
@FunctionalInterface
public interface HeadLoss {

    /**
     * @param heads      the forward pass, every head recorded ({@code [batch, width]} each)
     * @param dHeadsOut  per head name, a zeroed {@code [batch * width]} array to receive dLoss/dOutput
     * @return the loss
     */
    double evaluate(Recording heads, Map<String, double[]> dHeadsOut);
}
