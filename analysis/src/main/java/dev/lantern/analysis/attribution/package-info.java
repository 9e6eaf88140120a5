/**
 * Attribution of one output of a network (an action's logit or probability, the value, a Q-value, any neuron) to the
 * input features of one observation: the gradient, gradient x input, and integrated gradients (Sundararajan et al.,
 * ICML 2017, "Axiomatic Attribution for Deep Networks") with its completeness error reported beside every result,
 * also to a hidden site's neurons; one-hot attributions summed over planes to one value per grid cell, and the
 * occlusion of a cell. Everything goes through the inspection seam ({@link dev.lantern.agents.api.InspectableNetwork}) on a snapshot's private copy: no
 * attribution writes into the network being trained. Learners are reached only through {@code agents.api} (an
 * ArchUnit rule).
 */
package dev.lantern.analysis.attribution;
