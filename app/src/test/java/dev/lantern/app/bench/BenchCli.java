package dev.lantern.app.bench;

import dev.lantern.app.cli.LanternCli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** What a {@code lantern bench ...} command line printed and returned. */
record BenchCli(int code, String out, String err) {

    /** Runs {@code lantern args...} in this JVM. */
    static BenchCli lantern(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LanternCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new BenchCli(code, out.toString(), err.toString());
    }
}
