package dev.lantern.agents.train;

/**
 * Test fixture: a recorder that asks a run to stop ({@link TrainingControl#stop()}) at the end of the iteration that
 * reaches a number of iterations or a wall-clock budget counted from the run's start, whichever comes first; the run
 * then ends {@code interrupted}, after its final evaluation. In the agents module's test-jar.
 */
public final class StopAfter implements Recorder {

    private final TrainingControl control;
    private final long maxIterations;
    private final double maxMinutes;
    private long deadline = Long.MAX_VALUE;

    private StopAfter(TrainingControl control, long maxIterations, double maxMinutes) {
        if (maxIterations < 1 || !(maxMinutes > 0)) {
            throw new IllegalArgumentException("need maxIterations >= 1 and maxMinutes > 0, got " + maxIterations
                    + " and " + maxMinutes);
        }
        this.control = control;
        this.maxIterations = maxIterations;
        this.maxMinutes = maxMinutes;
    }

    /** Stops the run through {@code control} after {@code iterations} iterations. */
    public static StopAfter iterations(TrainingControl control, long iterations) {
        return new StopAfter(control, iterations, Double.POSITIVE_INFINITY);
    }

    /**
     * Stops the run through {@code control} after {@code maxIterations} iterations ({@link Long#MAX_VALUE}: no limit)
     * or once {@code maxMinutes} minutes have passed ({@link Double#POSITIVE_INFINITY}: no limit); an iteration is
     * never cut, so a run may exceed the minutes by up to one iteration.
     */
    public static StopAfter budget(TrainingControl control, long maxIterations, double maxMinutes) {
        return new StopAfter(control, maxIterations, maxMinutes);
    }

    @Override
    public void runStarted(RunContext run) {
        if (!Double.isInfinite(maxMinutes)) {
            deadline = System.nanoTime() + (long) (maxMinutes * 60e9);
        }
    }

    @Override
    public void iterationEnded(long iteration, long envStep) {
        if (iteration >= maxIterations || System.nanoTime() - deadline >= 0) {
            control.stop();
        }
    }
}
