package dev.lantern.app.sweep;

/**
 * One run of a sweep as {@code sweep.json} lists it.
 *
 * @param setting  the label of its setting
 * @param seed     its run seed
 * @param dir      its run directory, relative to the sweep directory ({@code <setting dir>/seed-<seed>})
 * @param status   {@code pending} (not started, or stopped and to be resumed), {@code running}, {@code completed} or
 *                 {@code failed}
 * @param log      its child process's log, relative to the sweep directory
 * @param exitCode the exit code of its last child process, or null while none has ended in this sweep
 */
public record SweepRunEntry(String setting, long seed, String dir, String status, String log, Integer exitCode) {

    /** Not started, or stopped before it completed: the next sweep starts or resumes it. */
    public static final String PENDING = "pending";
    /** Its child process is training it. */
    public static final String RUNNING = "running";
    /** Its run directory's manifest says {@code completed}. */
    public static final String COMPLETED = "completed";
    /** Its child process ended without completing it (see its log). */
    public static final String FAILED = "failed";

    /** This entry with another status and exit code. */
    public SweepRunEntry with(String newStatus, Integer newExitCode) {
        return new SweepRunEntry(setting, seed, dir, newStatus, log, newExitCode);
    }
}
