package dev.lantern.app.lab;

import dev.lantern.agents.run.MetricsLog;
import java.nio.file.Path;
import java.util.List;

/**
 * A run directory opened in the compare mode, read on the lab's run thread: what the compare chart, the lineage tree
 * and the scrubber need. Immutable.
 *
 * @param dir             the run directory, absolute and normalised
 * @param label           its folder name, with its fork step for a fork's child ({@code child-0 @16,384})
 * @param seed            the run seed (config.json)
 * @param checkpointSteps the env steps of its checkpoints with a network, oldest first
 * @param lastStep        its last env step (newest checkpoint or last metric, whichever is later)
 * @param evalReturns     {@code eval/return} (periodic greedy evaluations where the run has them; empty if absent)
 * @param episodeReturns  {@code episode/return} (every training episode; empty if absent)
 * @param fork            where it was forked from, or null for a run trained from scratch
 * @param info            its world and exact solutions, for the grid
 */
record OpenedRun(Path dir, String label, long seed, List<Long> checkpointSteps, long lastStep,
        MetricsLog.Series evalReturns, MetricsLog.Series episodeReturns, ForkLink fork, RunInfo info) {

    /** The env step its line in the lineage tree starts at: the fork step for a child, else 0. */
    long startStep() {
        return fork == null ? 0 : fork.atStep();
    }

    @Override
    public String toString() {
        return label + " · seed " + seed;
    }
}
