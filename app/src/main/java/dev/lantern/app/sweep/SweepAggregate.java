package dev.lantern.app.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.agents.run.AtomicFiles;
import dev.lantern.agents.run.RunDirectory;
import dev.lantern.analysis.stats.BootstrapOptions;
import dev.lantern.analysis.stats.Estimator;
import dev.lantern.analysis.stats.Interval;
import dev.lantern.analysis.stats.SeedComparison;
import dev.lantern.app.analyze.Figures;
import dev.lantern.app.config.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The aggregate of a sweep directory (docs/sweeps.md, "Aggregate"): for every setting, over its completed runs, the
 * final greedy return normalised by the exact optimum, the env steps to the first solving evaluation (censored at the
 * budget), the final hidden performance and the success rate, each with rliable's IQM, median, mean (and optimality
 * gap on [0, 1] scales) and their 95% stratified-bootstrap intervals, performance profiles with bands, and the
 * probability of improvement between every pair of settings. Failed, running and pending runs are listed, never
 * silently dropped. Writes {@code SWEEP/figures/*.png} and {@code SWEEP/aggregate.json} (atomically, after every
 * run has been read: a corrupt run directory writes nothing) and prints a summary table. The same sweep directory and
 * seed give the same {@code aggregate.json}, bit for bit.
 */
public final class SweepAggregate {

    /** The aggregate's file in the sweep directory. */
    public static final String FILE = "aggregate.json";

    private SweepAggregate() {
    }

    /**
     * Aggregates {@code sweepDir} with rliable's defaults (50,000 resamples for intervals, 2,000 for profiles, 95%).
     *
     * @param seed the bootstrap seed
     * @return the files written: the figures, then {@code aggregate.json}
     * @throws ConfigException naming every problem of {@code sweep.json} or of a completed run's directory
     */
    public static List<Path> write(Path sweepDir, long seed, PrintWriter out) {
        return write(sweepDir, BootstrapOptions.defaults(seed), out, true);
    }

    /**
     * Aggregates {@code sweepDir} with {@code options}.
     *
     * @param figures whether to draw the figures
     * @return the files written: the figures, then {@code aggregate.json}
     * @throws ConfigException naming every problem of {@code sweep.json} or of a completed run's directory
     */
    public static List<Path> write(Path sweepDir, BootstrapOptions options, PrintWriter out, boolean figures) {
        long start = System.nanoTime();
        SweepIndex index = SweepIndex.read(sweepDir);
        List<String> problems = new ArrayList<>();
        Map<String, List<RunScores>> completed = new LinkedHashMap<>();
        Map<SweepRunEntry, String> failures = new LinkedHashMap<>();
        for (SweepIndex.SettingEntry s : index.settings()) {
            List<RunScores> runs = new ArrayList<>();
            for (SweepRunEntry r : index.runsOf(s.label())) {
                if (r.status().equals("completed")
                        || SweepDirectory.statusOnDisk(sweepDir.resolve(r.dir())).equals(SweepRunEntry.COMPLETED)) {
                    // a run's manifest outranks what sweep.json says: a "running" left by a killed sweep, or a
                    // "failed" run completed since by lantern resume (docs/sweeps.md)
                    RunScores scores = RunScores.read(sweepDir, r.with(SweepRunEntry.COMPLETED, r.exitCode()),
                            problems);
                    if (scores != null) {
                        finite(sweepDir, scores, problems);
                        runs.add(scores);
                    }
                } else if (r.status().equals("failed")) {
                    failures.put(r, RunScores.failure(sweepDir.resolve(r.dir())));
                }
            }
            if (!runs.isEmpty()) {
                completed.put(s.label(), runs);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        JsonArray settings = new JsonArray();
        index.settings().forEach(s -> settings.add(AggregateJson.setting(s, index.runsOf(s.label()),
                completed.getOrDefault(s.label(), List.of()), failures)));
        JsonObject metrics = new JsonObject();
        List<MetricSamples> samples = completed.isEmpty() ? List.of() : MetricSamples.of(completed);
        List<SeedComparison.Result> results = new ArrayList<>();
        for (MetricSamples m : samples) {
            SeedComparison.Result r = SeedComparison.compare(m.key(), m.direction(), m.samples(), m.estimators(),
                    m.taus(), options);
            results.add(r);
            metrics.add(m.key(), AggregateJson.metric(m, r));
        }
        printSummary(out, sweepDir, index, options, completed, failures, samples, results);
        Figures drawn = new Figures();
        if (figures && !samples.isEmpty()) {
            SweepFigures.draw(drawn, samples, results, options.confidence());
        }
        List<Path> written = new ArrayList<>(drawn.writeAll(sweepDir));
        Path file = sweepDir.resolve(FILE);
        AtomicFiles.writeString(file, RunDirectory.GSON.toJson(AggregateJson.root(index, options, settings, metrics))
                + "\n");
        written.add(file);
        out.printf(Locale.ROOT, "  (aggregate took %.2f s)%n", (System.nanoTime() - start) / 1e9);
        out.flush();
        return written;
    }

    private static void finite(Path sweepDir, RunScores r, List<String> problems) {
        Path file = sweepDir.resolve(r.run().dir()).resolve("metrics.jsonl");
        double[] values = {r.finalReturn(), r.successRate(), r.optimalReturn().orElse(0), r.performance().orElse(0),
            r.firstSolvedStep().orElse(0)};
        String[] names = {RunScores.RETURN, RunScores.SUCCESS, RunScores.OPTIMAL, RunScores.PERFORMANCE,
            RunScores.FIRST_SOLVED};
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                problems.add(file + ": " + names[i] + " is " + values[i] + " (a score must be finite)");
            }
        }
    }

    private static void printSummary(PrintWriter out, Path sweepDir, SweepIndex index, BootstrapOptions options,
                                     Map<String, List<RunScores>> completed, Map<SweepRunEntry, String> failures,
                                     List<MetricSamples> samples, List<SeedComparison.Result> results) {
        int done = completed.values().stream().mapToInt(List::size).sum();
        out.printf(Locale.ROOT, "lantern sweep aggregate: %s: %d settings, %d runs (%d completed, %d failed, %d not "
                + "finished); %d resamples, %.0f%% intervals, seed %d%n", sweepDir, index.settings().size(),
                index.runs().size(), done, failures.size(), index.runs().size() - done - failures.size(),
                options.intervalResamples(), 100 * options.confidence(), options.seed());
        for (Map.Entry<SweepRunEntry, String> f : failures.entrySet()) {
            out.printf(Locale.ROOT, "  failed: %s seed %d (%s): %s%n", f.getKey().setting(), f.getKey().seed(),
                    f.getKey().dir(), f.getValue());
        }
        for (SweepIndex.SettingEntry s : index.settings()) {
            if (!completed.containsKey(s.label())) {
                out.printf(Locale.ROOT, "  %s: no completed run, left out of every metric%n", s.label());
            }
        }
        int width = Math.max(8, index.settings().stream().mapToInt(s -> s.label().length()).max().orElse(8));
        // The score matrix has one task (the base config's world): rliable's median is of per-task means.
        out.printf(Locale.ROOT, "one task: the median (rliable's: of the per-task means) equals the mean; the IQM is "
                + "over all runs%n");
        for (int m = 0; m < samples.size(); m++) {
            MetricSamples metric = samples.get(m);
            SeedComparison.Result result = results.get(m);
            out.printf(Locale.ROOT, "%s: %s (%s; %s is better)%n", metric.key(), metric.title(), metric.source(),
                    metric.direction().key());
            if (!metric.note().isEmpty()) {
                out.printf(Locale.ROOT, "  note: %s%n", metric.note());
            }
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s %5s %8s", "setting",
                    "runs", "censored"));
            metric.estimators().forEach(e -> head.append(String.format(Locale.ROOT, "  %-27s", e.key() + " [CI]")));
            out.println(head);
            for (int s = 0; s < metric.settings().size(); s++) {
                MetricSamples.Values v = metric.settings().get(s);
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s %5d %8d",
                        v.label(), v.runs().size(), v.sample().censoredCount()));
                for (Estimator e : metric.estimators()) {
                    row.append(String.format(Locale.ROOT, "  %-27s", text(result.settings().get(s).estimates().get(e))));
                }
                out.println(row);
            }
            for (SeedComparison.Improvement i : result.improvements()) {
                out.printf(Locale.ROOT, "  P(%s better than %s) = %s%n", i.x(), i.y(), text(i.probability()));
            }
        }
    }

    private static String text(Interval i) {
        return String.format(Locale.ROOT, "%.4g [%.4g, %.4g]", i.point(), i.lower(), i.upper());
    }
}
