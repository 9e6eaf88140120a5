package dev.lantern.agents.train;

/**
 * Lets another thread (the lab) pause, single-step, slow down or stop a training run. The trainer calls
 * {@link #awaitTurn()} before each iteration. Thread-safe.
 */
public final class TrainingControl {

    private boolean paused;
    private int grantedSteps;
    private boolean stopRequested;
    private volatile long delayMillis;

    /** Pauses before the next iteration. */
    public synchronized void pause() {
        paused = true;
        grantedSteps = 0;
    }

    /** Resumes running freely. */
    public synchronized void resume() {
        paused = false;
        grantedSteps = 0;
        notifyAll();
    }

    /** While paused, lets exactly one more iteration run. */
    public synchronized void stepOnce() {
        grantedSteps++;
        notifyAll();
    }

    /** Asks the run to end after the current iteration (status {@code interrupted}). */
    public synchronized void stop() {
        stopRequested = true;
        notifyAll();
    }

    /** True once {@link #stop()} was called. */
    public synchronized boolean stopRequested() {
        return stopRequested;
    }

    /** True while paused. */
    public synchronized boolean paused() {
        return paused;
    }

    /** Sleeps this long after every iteration (0 = full speed): a demo speed control. */
    public void setDelayMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("delay must be >= 0, got " + millis);
        }
        delayMillis = millis;
    }

    /** The current delay after each iteration. */
    public long delayMillis() {
        return delayMillis;
    }

    /**
     * Blocks while paused (unless a single step was granted) and returns whether the run should go on.
     *
     * @return false when a stop was requested
     * @throws InterruptedException if the training thread is interrupted while waiting
     */
    public synchronized boolean awaitTurn() throws InterruptedException {
        while (paused && grantedSteps == 0 && !stopRequested) {
            wait();
        }
        if (stopRequested) {
            return false;
        }
        if (paused) {
            grantedSteps--;
        }
        return true;
    }
}
