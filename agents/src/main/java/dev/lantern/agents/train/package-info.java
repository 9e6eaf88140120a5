/** The training loop, its events and recorders, run directories, seeds and checkpoints. */
package dev.lantern.agents.train;
