/**
 * Training dynamics (issue 11): how a run's outcome depends on the path training took. Everything here reads private
 * copies of checkpointed networks through the inspection seam ({@link dev.lantern.agents.api.InspectableNetwork}) and
 * never a network being trained.
 */
package dev.lantern.analysis.dynamics;
