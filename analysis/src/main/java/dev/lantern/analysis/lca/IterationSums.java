package dev.lantern.analysis.lca;

import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.train.MetricSink;

/**
 * {@link LcaRecorder}'s sums over one training iteration's updates, sent as the {@code lca/*} metrics when the
 * iteration ends: {@code lca/total}, {@code lca/actual}, {@code lca/error}, {@code lca/helped_fraction} (mean over
 * steps), {@code lca/pieces_max}, {@code lca/layer/<layer>}.
 */
final class IterationSums {

    private final ParameterLayout layout;
    private final double[] layers;
    private double allocated;
    private double actual;
    private double helped;
    private int steps;
    private int maxPieces;

    IterationSums(ParameterLayout layout) {
        this.layout = layout;
        this.layers = new double[layout.layers().size()];
    }

    /** Adds one step with its per-layer allocation and helped fraction. */
    void add(StepAllocation step, double[] perLayer, double helpedFraction) {
        for (int l = 0; l < perLayer.length; l++) {
            layers[l] += perLayer[l];
        }
        allocated += step.allocated();
        actual += step.actual();
        helped += helpedFraction;
        steps++;
        maxPieces = Math.max(maxPieces, step.pieces());
    }

    /** Sends the sums at {@code envStep} and starts over; false (and nothing sent) if the iteration had no step. */
    boolean emit(MetricSink metrics, long envStep) {
        if (steps == 0) {
            return false;
        }
        metrics.scalar(envStep, "lca/total", allocated);
        metrics.scalar(envStep, "lca/actual", actual);
        metrics.scalar(envStep, "lca/error", actual - allocated);
        metrics.scalar(envStep, "lca/helped_fraction", helped / steps);
        metrics.scalar(envStep, "lca/pieces_max", maxPieces);
        for (int l = 0; l < layers.length; l++) {
            metrics.scalar(envStep, "lca/layer/" + layout.layers().get(l).name(), layers[l]);
            layers[l] = 0;
        }
        allocated = 0;
        actual = 0;
        helped = 0;
        steps = 0;
        maxPieces = 0;
        return true;
    }
}
