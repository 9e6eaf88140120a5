package dev.lantern.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** The terminal a {@code lantern play} session talks through: output, and whole lines of input after a prompt. */
final class PlayConsole {

    private final BufferedReader in;
    private final PrintWriter out;

    PlayConsole(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    /** Where the session prints. */
    PrintWriter out() {
        return out;
    }

    /** The next line, or null at the end of input (which is announced). */
    String readLine(String prompt) {
        out.print(prompt);
        out.flush();
        try {
            String line = in.readLine();
            if (line == null) {
                out.println();
                out.println("end of input: bye.");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }
}
