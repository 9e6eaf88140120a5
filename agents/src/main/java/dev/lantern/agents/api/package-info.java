/**
 * The narrow interfaces through which analysis and the app see agents: decisions, views, pinned losses, the flat
 * parameter layout, and the inspection seam ({@link dev.lantern.agents.api.InspectableNetwork}: named sites, a forward
 * pass that records and intervenes, gradients with respect to the input and any site, loss and gradient at any
 * parameter vector).
 */
package dev.lantern.agents.api;
