package dev.lantern.app.lab;

import dev.lantern.agents.api.Activations;
import dev.lantern.analysis.circuits.Concept;
import dev.lantern.analysis.circuits.NeuronDescriber;
import dev.lantern.analysis.circuits.NeuronHealth;
import dev.lantern.analysis.circuits.StateBatch;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The neuron inspector's description of one neuron over the whole state space: its layer and index, min/max/mean
 * activation over the decision states, whether it is dead or saturated ({@link NeuronHealth}, over every state), and
 * the built-in concept ({@link Concept#agentRow}, {@link Concept#agentColumn}, {@link Concept#hasKey}) its activation
 * correlates with most over the decision states (Pearson r; a concept constant there is skipped).
 */
final class NeuronText {

    private NeuronText() {
    }

    /** The description of {@code n} in {@code frame}. */
    static String describe(CircuitFrame frame, CircuitRequest.Neuron n) {
        Activations a = frame.site(n.site());
        StateBatch states = frame.states();
        boolean[] decides = states.decisionStates();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int count = 0;
        double[] x = new double[states.size()];
        for (int s = 0; s < x.length; s++) {
            x[s] = a.get(s, n.index());
            if (decides[s]) {
                min = Math.min(min, x[s]);
                max = Math.max(max, x[s]);
                sum += x[s];
                count++;
            }
        }
        NeuronHealth health = NeuronHealth.of(a);
        boolean dead = Arrays.stream(health.dead()).anyMatch(j -> j == n.index());
        boolean saturated = Arrays.stream(health.saturated()).anyMatch(j -> j == n.index());
        String best = "no built-in concept varies here";
        double bestR = 0;
        for (Concept c : List.of(Concept.agentRow(states), Concept.agentColumn(states), Concept.hasKey(states))) {
            double r = correlation(x, c.values(), decides);
            if (!Double.isNaN(r) && Math.abs(r) >= Math.abs(bestR)) {
                bestR = r;
                best = String.format(Locale.ROOT, "correlates most with %s (r = %+.2f)", c.name(), r);
            }
        }
        return String.format(Locale.ROOT, "%s, neuron %d of %d%nover %d decision states: min %+.3f, max %+.3f, "
                        + "mean %+.3f%n%s%s%n%s", n.site(), n.index(), a.site().width(), count, min, max, sum / count,
                dead ? "dead (|a| < 1e-3 in every state)" : "not dead",
                saturated ? ", saturated (|a| > 0.99 in >= 95% of states)" : ", not saturated", best);
    }

    /** Pearson's r of {@code x} and {@code y} over the {@code include}d states (NaN if either is constant there). */
    static double correlation(double[] x, double[] y, boolean[] include) {
        double[] masked = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            masked[i] = include[i] ? y[i] : Double.NaN;
        }
        return NeuronDescriber.pearson(x, masked);
    }
}
