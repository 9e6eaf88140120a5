package dev.lantern.agents.train;

import dev.lantern.agents.api.Snapshots;
import dev.lantern.agents.api.ParameterLayout;
import dev.lantern.environments.api.Environment;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What recorders learn when a run starts.
 *
 * @param layout   where each layer's parameters sit in the flat vector
 * @param runDir   the run directory, or null for a run that writes no files (the lab's, tests')
 * @param metrics  where to send scalar metrics
 * @param manifest entries recorders add to the manifest's {@code recorders} section (written at the end of the run)
 * @param snapshot makes frozen copies of the current policy and value function, new or recycled (call on the
 *                 training thread only)
 * @param environments makes a fresh environment like the ones trained on (observation and time limit included), for
 *                 observers that draw or encode states; null for a board game or when the trainer was not told
 */
public record RunContext(ParameterLayout layout, Path runDir, MetricSink metrics, Map<String, Object> manifest,
        Snapshots snapshot, Supplier<? extends Environment> environments) {
}
