/** Turns an experiment into a running trainer: environment, agent, recorders, run directory, manifest. */
package dev.lantern.app.engine;
