/**
 * What every {@code lantern} command shares, below both {@code app.cli} and {@code app.bench}: the base class
 * {@link dev.lantern.app.console.LanternCommand} with the command's output streams, its exit codes, and the one way a
 * command reports bad input (every problem on its own line, exit 2, no stack trace).
 */
package dev.lantern.app.console;
