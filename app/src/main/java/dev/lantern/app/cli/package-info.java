/**
 * The {@code lantern} command line (picocli): run, resume, envs, validate-map, doctor, lab, play, and the
 * {@code bench} group from {@code app.bench}. Every command extends {@code app.console.LanternCommand}, so bad input is
 * printed one problem a line and exits 2.
 */
package dev.lantern.app.cli;
