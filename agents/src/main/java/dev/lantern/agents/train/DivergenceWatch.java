package dev.lantern.agents.train;

import dev.lantern.agents.api.ParameterLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Watches a run for divergence between iterations, on the training thread. It sees every metric the learner reports
 * and, at the end of each iteration, the network's flat parameters (one {@code norm2} pass); it changes nothing that is
 * trained or written.
 *
 * <ul>
 *   <li><b>Divergence</b>: a learner metric (anything but the wall-clock {@code time/*}: losses, gradient norms, Q
 *       values, TD errors, search values) that is NaN or ±Infinity, or a non-finite parameter, ends the iteration with
 *       a {@link DivergenceException} naming the first such metric or the layer holding the parameter. The trainer
 *       checks before the recorders see the iteration's end, so no checkpoint of the poisoned state is written.</li>
 *   <li><b>Runaway</b>: a {@code loss/*}, {@code q/*}, {@code grad/*} or {@code tabular/td_error} metric whose
 *       magnitude reaches {@link #RUNAWAY}, or a parameter vector whose L2 norm does, gets one warning per metric per
 *       run (the first time), through the callback given, at the end of the iteration; an iteration that diverges
 *       sends none (its failure says more).</li>
 * </ul>
 */
final class DivergenceWatch {

    /** The magnitude at which a loss, Q value, gradient norm, TD error or the parameters' L2 norm is called runaway. */
    static final double RUNAWAY = 1e6;

    /** The name runaway warnings give the parameter vector's L2 norm. */
    static final String PARAMETER_NORM = "parameters (L2 norm)";

    /** A runaway warning line, as {@link #runaway} writes it; group 1 is the metric. */
    private static final Pattern WARNING = Pattern.compile("^runaway at env step [0-9,]+: (.+?) reached ");

    private final Consumer<String> warnings;
    private final Set<String> warned = new HashSet<>();
    private final List<String> pending = new ArrayList<>();
    private String badMetric;
    private double badValue;
    private long badStep;

    /** Sends each runaway warning (one line) to {@code warnings}. */
    DivergenceWatch(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /**
     * Marks the runaways that an earlier part of the run (before a resume) already warned about, found in its
     * warning lines; they are not warned about again.
     */
    void alreadyWarned(Iterable<String> lines) {
        for (String line : lines) {
            Matcher m = WARNING.matcher(line);
            if (m.find()) {
                warned.add(m.group(1));
            }
        }
    }

    /** A learner reported {@code value} for {@code name} at {@code envStep}. */
    void metric(long envStep, String name, double value) {
        if (name.startsWith("time/")) {
            return;
        }
        if (!Double.isFinite(value)) {
            if (badMetric == null) {
                badMetric = name;
                badValue = value;
                badStep = envStep;
            }
            return;
        }
        if (Math.abs(value) >= RUNAWAY && watchedForRunaway(name)) {
            runaway(envStep, name, value);
        }
    }

    private static boolean watchedForRunaway(String name) {
        return name.startsWith("loss/") || name.startsWith("q/") || name.startsWith("grad/")
                || name.equals("tabular/td_error");
    }

    /**
     * The iteration ended at {@code envStep}: throws if a metric of it was non-finite, else checks the parameters of
     * {@code network} (null for a learner without one) laid out as {@code layout}.
     *
     * @throws DivergenceException naming the first non-finite metric of the iteration, or the layer with a non-finite
     *                             parameter
     */
    void iterationEnded(long envStep, ComputationGraph network, ParameterLayout layout) {
        if (badMetric != null) {
            throw new DivergenceException(badStep, badMetric, badValue); // its runaway warnings would only be noise
        }
        if (network != null) {
            checkParameters(envStep, network, layout);
        }
        pending.forEach(warnings);
        pending.clear();
    }

    private void checkParameters(long envStep, ComputationGraph network, ParameterLayout layout) {
        INDArray params = network.params();
        double norm = params.norm2Number().doubleValue();
        if (!Double.isFinite(norm)) {
            // Rare: find the culprit, or learn that only the norm overflowed (large but finite parameters).
            norm = scan(envStep, params.toDoubleVector(), layout);
        }
        if (norm >= RUNAWAY) {
            runaway(envStep, PARAMETER_NORM, norm);
        }
    }

    /** Throws for the first non-finite parameter; else returns the L2 norm computed in double. */
    private static double scan(long envStep, double[] values, ParameterLayout layout) {
        double sumSquares = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new DivergenceException(envStep, "parameters of " + layerOf(i, layout), v);
            }
            sumSquares += v * v;
        }
        return Math.sqrt(sumSquares);
    }

    private static String layerOf(int index, ParameterLayout layout) {
        for (ParameterLayout.Block b : layout.layers()) {
            if (index >= b.offset() && index < b.offset() + b.size()) {
                return b.name();
            }
        }
        return "the network (index " + index + ")";
    }

    private void runaway(long envStep, String name, double value) {
        if (warned.add(name)) {
            pending.add(String.format(Locale.ROOT,
                    "runaway at env step %,d: %s reached %.3g (warned at magnitude 1e6); training may be "
                            + "diverging: %s", envStep, name, value, DivergenceException.HINT));
        }
    }
}
