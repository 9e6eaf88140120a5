/**
 * Turns an experiment into a running trainer: the environment resolved once ({@code TrainingEnvironment}), the
 * learner created through {@code agents.registry.Learners}, recorders, run directory, manifest; used by run, resume
 * and the lab alike.
 */
package dev.lantern.app.engine;
