package dev.lantern.agents.train;

import java.util.Locale;

/**
 * Training diverged: a loss, a gradient norm or a parameter became NaN or infinite. The trainer stops the run with
 * {@code status: failed} and this message, before the poisoned state reaches a checkpoint ({@link DivergenceWatch}).
 */
public final class DivergenceException extends RuntimeException {

    /** What the message suggests: the usual causes of a diverging run. */
    public static final String HINT = "lower agent.learningRate, or clip gradients with agent.maxGradNorm where the "
            + "learner has it (0 disables clipping)";

    private final long envStep;
    private final String metric;
    private final double value;

    /**
     * @param envStep environment steps collected when the value was measured (the end of the iteration that diverged)
     * @param metric  what became non-finite: a metric name ({@code loss/total}) or {@code parameters of <layer>}
     * @param value   the non-finite value (NaN or ±Infinity)
     */
    public DivergenceException(long envStep, String metric, double value) {
        super(String.format(Locale.ROOT, "training diverged at env step %,d: %s %s %s; %s", envStep, metric,
                metric.startsWith("parameters") ? "contain" : "is", value, HINT));
        this.envStep = envStep;
        this.metric = metric;
        this.value = value;
    }

    /** Environment steps collected when the non-finite value was measured. */
    public long envStep() {
        return envStep;
    }

    /** What became non-finite: a metric name ({@code loss/total}) or {@code parameters of <layer>}. */
    public String metric() {
        return metric;
    }

    /** The non-finite value: NaN, Infinity or -Infinity. */
    public double value() {
        return value;
    }
}
