package dev.lantern.agents.run;

/** A run directory is being written by another process (or already by this one): the message names which. */
public final class RunLockedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** @param message where and who, e.g. {@code runs/x: another Lantern process (pid 4242) is writing this run} */
    public RunLockedException(String message) {
        super(message);
    }
}
