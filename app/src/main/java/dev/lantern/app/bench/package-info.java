/**
 * {@code lantern bench}: benchmarks that print figures measured in one run (environment stepping, MCTS, network
 * updates, each learner's collection and update speed). They time a learner's internals, so unlike {@code app.engine},
 * {@code app.config} and {@code app.lab} they may name concrete learner classes.
 */
package dev.lantern.app.bench;
