package dev.lantern.analysis.lca;

import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.agents.train.MetricSink;
import java.util.List;

/**
 * {@link LcaRecorder}'s sums over one training iteration's updates, sent as the {@code lca/*} metrics when the
 * iteration ends: {@code lca/total}, {@code lca/actual}, {@code lca/error}, {@code lca/helped_fraction} (mean over
 * steps), {@code lca/helped}, {@code lca/hurt}, {@code lca/zero} (mean counts per step), {@code lca/helped_among_moved}
 * (mean over steps in which a parameter moved), {@code lca/pieces_max}, {@code lca/layer/<layer>}, and per term of
 * the loss {@code lca/term/<term>}, {@code lca/term/<term>/actual}, {@code lca/term/<term>/error}.
 */
final class IterationSums {

    private final ParameterLayout layout;
    private final double[] layers;
    private double allocated;
    private double actual;
    private double helped;
    private double helpedCount;
    private double hurtCount;
    private double zeroCount;
    private double amongMoved;
    private int movedSteps;
    private int steps;
    private int maxPieces;
    private List<String> terms = List.of();
    private double[] termAllocated = new double[0];
    private double[] termActual = new double[0];

    IterationSums(ParameterLayout layout) {
        this.layout = layout;
        this.layers = new double[layout.layers().size()];
    }

    /** Adds one step with its per-layer allocation, helped fraction, counts and (possibly no) per-term allocations. */
    void add(StepAllocation step, double[] perLayer, double helpedFraction, AllocationCounts counts,
            List<String> termNames, StepAllocation[] perTerm) {
        for (int l = 0; l < perLayer.length; l++) {
            layers[l] += perLayer[l];
        }
        allocated += step.allocated();
        actual += step.actual();
        helped += helpedFraction;
        helpedCount += counts.helped();
        hurtCount += counts.hurt();
        zeroCount += counts.zero();
        if (counts.moved() > 0) {
            amongMoved += counts.helpedAmongMoved();
            movedSteps++;
        }
        steps++;
        maxPieces = Math.max(maxPieces, step.pieces());
        if (!termNames.equals(terms)) {
            terms = termNames;
            termAllocated = new double[terms.size()];
            termActual = new double[terms.size()];
        }
        for (int t = 0; t < terms.size(); t++) {
            termAllocated[t] += perTerm[t].allocated();
            termActual[t] += perTerm[t].actual();
        }
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
        metrics.scalar(envStep, "lca/helped", helpedCount / steps);
        metrics.scalar(envStep, "lca/hurt", hurtCount / steps);
        metrics.scalar(envStep, "lca/zero", zeroCount / steps);
        if (movedSteps > 0) {
            metrics.scalar(envStep, "lca/helped_among_moved", amongMoved / movedSteps);
        }
        metrics.scalar(envStep, "lca/pieces_max", maxPieces);
        for (int l = 0; l < layers.length; l++) {
            metrics.scalar(envStep, "lca/layer/" + layout.layers().get(l).name(), layers[l]);
            layers[l] = 0;
        }
        for (int t = 0; t < terms.size(); t++) {
            String name = "lca/term/" + terms.get(t);
            metrics.scalar(envStep, name, termAllocated[t]);
            metrics.scalar(envStep, name + "/actual", termActual[t]);
            metrics.scalar(envStep, name + "/error", termActual[t] - termAllocated[t]);
            termAllocated[t] = 0;
            termActual[t] = 0;
        }
        allocated = 0;
        actual = 0;
        helped = 0;
        helpedCount = 0;
        hurtCount = 0;
        zeroCount = 0;
        amongMoved = 0;
        movedSteps = 0;
        steps = 0;
        maxPieces = 0;
        return true;
    }
}
