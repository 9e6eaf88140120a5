package dev.lantern.app.analyze;

import com.google.gson.JsonElement;

/**
 * One part of {@code lantern analyze}'s report: computes one member of {@code circuits.json} from the checkpoint in
 * the {@link AnalysisContext}, prints its summary lines (every figure with its error or control beside it) on
 * {@link AnalysisContext#out()}, and may add PNG figures to {@link AnalysisContext#figures()}. A section writes no
 * file itself, so a failure anywhere leaves nothing half-written.
 */
public interface ReportSection {

    /** The member of {@code circuits.json} this section's value is written under. */
    String member();

    /**
     * Computes the section.
     *
     * @return the value of {@link #member()} in {@code circuits.json}
     */
    JsonElement write(AnalysisContext context);
}
