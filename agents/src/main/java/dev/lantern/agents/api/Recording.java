package dev.lantern.agents.api;

import java.util.Map;

/**
 * What one forward pass recorded: the chosen sites' activations (after any intervention at them), by site name.
 *
 * @param batch examples in the pass
 * @param sites recorded sites by name
 */
public record Recording(int batch, Map<String, Activations> sites) {

    public Recording {
        sites = Map.copyOf(sites);
    }

    /** The activations at {@code site}; it must have been recorded. */
    public Activations get(String site) {
        return Activations.at(sites, site, "recorded");
    }
}
