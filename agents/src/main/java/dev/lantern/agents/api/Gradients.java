package dev.lantern.agents.api;

import java.util.Map;

/**
 * Gradients of a {@link Readout} from one forward pass: for each example {@code b}, d readout_b / d activation_b at
 * every requested site (examples do not interact, so this is also the gradient of the batch's sum).
 *
 * @param forward   the forward pass (the requested sites and the readout's site recorded)
 * @param gradients by site name ({@code obs} for the input), {@code [batch, width]}; at a site with an intervention,
 *                  with respect to the value passed on after it
 */
public record Gradients(Recording forward, Map<String, Activations> gradients) {

    public Gradients {
        gradients = Map.copyOf(gradients);
    }

    /** The gradient with respect to {@code site}; it must have been requested. */
    public Activations get(String site) {
        return Activations.at(gradients, site, "requested");
    }
}
