package dev.lantern.app.cli;

import dev.lantern.agents.train.MetricSink;
import dev.lantern.agents.train.Recorder;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints training progress: on a terminal, one line redrawn in place a few times a second; elsewhere (logs, CI), a
 * line at every 10% of the budget. Shows steps, the mean return of the last 50 episodes and the elapsed time.
 */
final class ProgressBar implements Recorder, MetricSink {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final long total;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    private final double[] recent = new double[50];
    private int recentCount;
    private int recentNext;
    private long lastDrawNanos;
    private int lastDecile = -1;

    ProgressBar(PrintWriter out, long totalEnvSteps, boolean interactive) {
        this.out = out;
        this.total = totalEnvSteps;
        this.interactive = interactive;
    }

    @Override
    public void scalar(long step, String name, double value) {
        if (name.equals("episode/return")) {
            recent[recentNext] = value;
            recentNext = (recentNext + 1) % recent.length;
            recentCount = Math.min(recentCount + 1, recent.length);
        }
    }

    @Override
    public void iterationEnded(long iteration, long envStep) {
        long now = System.nanoTime();
        double fraction = Math.min(1.0, envStep / (double) total);
        if (interactive) {
            if (now - lastDrawNanos > 200_000_000L || envStep >= total) {
                out.print("\r" + line(envStep, fraction));
                out.flush();
                lastDrawNanos = now;
            }
        } else {
            int decile = (int) Math.floor(fraction * 10);
            if (decile > lastDecile) {
                out.println(line(envStep, fraction));
                out.flush();
                lastDecile = decile;
            }
        }
    }

    /** Ends the redrawn line. */
    void finish() {
        if (interactive) {
            out.println();
            out.flush();
        }
    }

    private String line(long envStep, double fraction) {
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        double mean = 0;
        for (int i = 0; i < recentCount; i++) {
            mean += recent[i];
        }
        String ret = recentCount == 0 ? "  n/a" : String.format(Locale.ROOT, "%5.2f", mean / recentCount);
        return String.format(Locale.ROOT, "[%s] %3.0f%%  %,d/%,d steps  return %s (mean of last %d)  %.1f s", bar,
                fraction * 100, envStep, total, ret, recentCount, (System.nanoTime() - startNanos) / 1e9);
    }
}
