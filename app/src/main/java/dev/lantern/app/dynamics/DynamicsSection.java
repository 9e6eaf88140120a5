package dev.lantern.app.dynamics;

import com.google.gson.JsonElement;

/**
 * One part of {@code lantern dynamics}'s report: computes one member of {@code dynamics.json} from the runs in the
 * {@link DynamicsContext}, prints its summary lines (every figure with its error or control beside it) on
 * {@link DynamicsContext#out()}, and may add PNG figures to {@link DynamicsContext#figures()}. A section writes no file
 * itself, so a failure anywhere leaves nothing half-written. A section that does not apply to the runs given (one run
 * where it compares two, a run without LCA) says so in its value and its summary line rather than failing.
 */
public interface DynamicsSection {

    /** The member of {@code dynamics.json} this section's value is written under. */
    String member();

    /**
     * Computes the section.
     *
     * @return the value of {@link #member()} in {@code dynamics.json}
     */
    JsonElement write(DynamicsContext context);
}
