/**
 * The narrow interfaces through which the trainer, analysis and the app see agents: learning agents and their
 * training sessions, the learner kinds the registry lists, decisions, views, pinned losses, config records and their
 * shared field checks, the flat parameter layout, and the inspection seam
 * ({@link dev.lantern.agents.api.InspectableNetwork}: named sites, a forward pass that records and intervenes,
 * gradients with respect to the input and any site, loss and gradient at any parameter vector).
 */
package dev.lantern.agents.api;
