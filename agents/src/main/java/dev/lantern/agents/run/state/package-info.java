/**
 * The binary codec of checkpointed state ({@code agent.state}, {@code recorders.state}): named sections of
 * primitives, arrays and ND4J arrays, written by {@link dev.lantern.agents.run.state.StateWriter} and read back,
 * checked, by {@link dev.lantern.agents.run.state.StateReader}. Depends on nothing else in Lantern, so that the
 * learners' API can use it.
 */
package dev.lantern.agents.run.state;
