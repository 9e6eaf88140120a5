/**
 * The training loop ({@link dev.lantern.agents.train.Trainer}) and the events it emits to recorders
 * ({@link dev.lantern.agents.train.Recorder}, {@link dev.lantern.agents.train.UpdateEvent}, metric sinks); the
 * recorders that write the run directory's metrics and checkpoints; sessions for driving an agent without a trainer;
 * the greedy evaluation; the grid learners' shared kind. Random streams and their names live in
 * {@code environments.random}; the file format in {@code agents.run}.
 */
package dev.lantern.agents.train;
