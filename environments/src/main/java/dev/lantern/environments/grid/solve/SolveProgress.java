package dev.lantern.environments.grid.solve;

/**
 * Receives the progress of a long solve, so that a large one is never silent. The solvers call it once per sweep or
 * horizon step, on the solving thread; throttling what is shown (e.g. a line a second on stderr) is the receiver's job.
 */
@FunctionalInterface
public interface SolveProgress {

    /** Ignores every report. */
    SolveProgress NONE = (phase, done, total, residual) -> {
    };

    /**
     * One step of a solve.
     *
     * @param phase    what is running, e.g. {@code "finite-horizon solve"} or {@code "value iteration"}
     * @param done     steps done so far (horizon steps or sweeps), {@code >= 1}
     * @param total    steps at most (the horizon or the sweep cap)
     * @param residual the largest change of a value in this step (NaN where it means nothing)
     */
    void step(String phase, long done, long total, double residual);
}
