/**
 * The JavaFX lab: watch a learner (PPO, A2C, DQN or tabular, from the registry) learn a grid world, live.
 *
 * <p>Threads (DESIGN.md, "How data flows"): {@link dev.lantern.app.lab.LabController} trains on ONE background
 * executor thread; {@link dev.lantern.app.lab.LiveFeed} sits on that thread as a recorder and metric tap and publishes
 * immutable {@link dev.lantern.app.lab.PolicyFrame}s (the network's policy and value over every free cell, evaluated
 * on a snapshot copy) and small metric records; the FX thread polls both on an animation timer and never touches the
 * engine. {@link dev.lantern.app.lab.LabLauncher} opens the window; {@code docs/lab.md} describes the panels.
 */
package dev.lantern.app.lab;
