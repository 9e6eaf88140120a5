/** The {@code lantern} command line (picocli): run, envs, validate-map, doctor, lab. */
package dev.lantern.app.cli;
