/**
 * {@code lantern dynamics}'s report over one or more runs of the same grid world: the
 * {@link dev.lantern.app.dynamics.DynamicsSection}s that each compute one member of {@code dynamics.json} (with their
 * printed summary and PNG figures), the {@link dev.lantern.app.dynamics.DynamicsContext} they share (the runs, their
 * checkpoints' networks and activations over every state, loaded once) and the report that writes the files. The
 * analyses themselves live in the analysis module ({@code dynamics}, {@code stats}, {@code lca}).
 */
package dev.lantern.app.dynamics;
