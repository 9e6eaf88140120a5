package dev.lantern.app.lab;

import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.analysis.lca.LcaRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cumulative loss change allocation of every neuron over a lab run, one point per iteration: a neuron's
 * allocation is the sum over its incoming weights and bias ({@link ParameterLayout#sumPerNeuron}) of the
 * {@link LcaRecorder}'s cumulative per-parameter allocation, the same quantity {@code lca/neurons.jsonl} holds per
 * window in a run directory, summed up to each iteration. Lab runs write no run directory, so the lab reads the
 * recorder of its own run instead of the file.
 *
 * <p>Thread rules: {@link #attach} and {@link #iterationEnded} on the training thread; {@link #history} on any
 * thread (an immutable {@link History}, replaced as a whole). At most {@value #MAX_POINTS} points are kept: past
 * that, every second point is dropped.
 */
public final class NeuronLca {

    /** Points kept per neuron. */
    public static final int MAX_POINTS = 1_000;

    /**
     * Per-neuron cumulative allocation at the end of each iteration so far.
     *
     * @param recorded whether the run computes LCA at all (false: trained with {@code --no-lca}, or no network)
     * @param envSteps environment steps at each point, {@code [points]}
     * @param layers   layer names (the parameter layout's, in order)
     * @param values   per point, per layer, per neuron: cumulative allocation (negative = helped)
     */
    public record History(boolean recorded, long[] envSteps, List<String> layers, List<double[][]> values) {

        /** The cumulative allocation of neuron {@code neuron} of {@code layer} at every point (empty if unknown). */
        public double[] series(String layer, int neuron) {
            int l = layers.indexOf(layer);
            double[] out = new double[l < 0 ? 0 : values.size()];
            for (int t = 0; t < out.length; t++) {
                double[] row = values.get(t)[l];
                if (neuron < 0 || neuron >= row.length) {
                    throw new IllegalArgumentException(layer + " has " + row.length + " neurons, got " + neuron);
                }
                out[t] = row[neuron];
            }
            return out;
        }
    }

    private static final History NONE = new History(false, new long[0], List.of(), List.of());

    private final AtomicReference<History> history = new AtomicReference<>(NONE);
    private LcaRecorder recorder;
    private ParameterLayout layout;
    private final List<Long> steps = new ArrayList<>();
    private final List<double[][]> points = new ArrayList<>();

    /** Follows {@code lca}, the run's recorder; null for a run without LCA (training thread, before the run). */
    public void attach(LcaRecorder lca, ParameterLayout parameterLayout) {
        recorder = lca;
        layout = parameterLayout;
        history.set(lca == null ? NONE : new History(true, new long[0], parameterLayout.names(), List.of()));
    }

    /** Takes one point from the recorder (training thread, at the end of an iteration). */
    void iterationEnded(long envStep) {
        if (recorder == null) {
            return;
        }
        double[] cumulative = recorder.cumulative();
        double[][] perNeuron = new double[layout.layers().size()][];
        for (int l = 0; l < perNeuron.length; l++) {
            perNeuron[l] = ParameterLayout.sumPerNeuron(layout.layers().get(l), cumulative);
        }
        steps.add(envStep);
        points.add(perNeuron);
        if (points.size() > MAX_POINTS) {
            for (int i = 1; i < points.size(); i++) { // keeps points 0, 2, 4, ...
                points.remove(i);
                steps.remove(i);
            }
        }
        history.set(new History(true, steps.stream().mapToLong(Long::longValue).toArray(), layout.names(),
                List.copyOf(points)));
    }

    /** What has been recorded so far. */
    public History history() {
        return history.get();
    }
}
