/**
 * The training loop ({@link dev.lantern.agents.train.Trainer}) and the events it emits to recorders
 * ({@link dev.lantern.agents.train.Recorder}, {@link dev.lantern.agents.train.UpdateEvent}, metric sinks); the
 * recorders that write the run directory's metrics and checkpoints; sessions for driving an agent without a trainer;
 * the greedy evaluation; seeds and random streams. The file format itself lives in {@code agents.run}.
 */
package dev.lantern.agents.train;
