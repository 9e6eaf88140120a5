package dev.lantern.app.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.lantern.analysis.stats.BootstrapOptions;
import dev.lantern.analysis.stats.Direction;
import dev.lantern.analysis.stats.Estimator;
import dev.lantern.analysis.stats.Interval;
import dev.lantern.analysis.stats.PerformanceProfile;
import dev.lantern.analysis.stats.SeedComparison;
import dev.lantern.app.analyze.Json;
import java.util.List;
import java.util.Map;

/** Builds {@code aggregate.json} (docs/sweeps.md, "Aggregate"): plain values, no wall-clock, no absolute path. */
final class AggregateJson {

    /** The file's format tag. */
    static final String FORMAT = "lantern-sweep-aggregate/1";

    private AggregateJson() {
    }

    static JsonObject root(SweepIndex index, BootstrapOptions options, JsonArray settings, JsonObject metrics) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("base", index.base());
        JsonArray seeds = new JsonArray();
        index.seeds().forEach(seeds::add);
        root.add("seeds", seeds);
        JsonObject bootstrap = new JsonObject();
        bootstrap.addProperty("method", "stratified bootstrap, percentile intervals (rliable)");
        bootstrap.addProperty("seed", options.seed());
        bootstrap.addProperty("intervalResamples", options.intervalResamples());
        bootstrap.addProperty("profileResamples", options.profileResamples());
        bootstrap.addProperty("confidence", options.confidence());
        root.add("bootstrap", bootstrap);
        root.add("settings", settings);
        root.add("metrics", metrics);
        return root;
    }

    /** One setting's entry: what it sets, and its runs by status (failed ones with their manifest's failure). */
    static JsonObject setting(SweepIndex.SettingEntry setting, List<SweepRunEntry> runs, List<RunScores> completed,
                              Map<SweepRunEntry, String> failures) {
        JsonObject o = new JsonObject();
        o.addProperty("label", setting.label());
        JsonObject set = new JsonObject();
        setting.set().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> set.addProperty(e.getKey(), e.getValue()));
        o.add("set", set);
        o.addProperty("runs", runs.size());
        o.addProperty("completed", completed.size());
        List<Long> done = completed.stream().map(r -> r.run().seed()).toList();
        for (String status : List.of(SweepRunEntry.FAILED, SweepRunEntry.RUNNING, SweepRunEntry.PENDING)) {
            JsonArray list = new JsonArray();
            for (SweepRunEntry r : runs) {
                if (!r.status().equals(status) || done.contains(r.seed())) {
                    continue;
                }
                JsonObject run = new JsonObject();
                run.addProperty("seed", r.seed());
                run.addProperty("dir", r.dir());
                if (r.log() != null) {
                    run.addProperty("log", r.log());
                }
                if (r.exitCode() != null) {
                    run.addProperty("exitCode", r.exitCode());
                }
                if (failures.containsKey(r)) {
                    run.addProperty("failure", failures.get(r));
                }
                list.add(run);
            }
            o.add(status, list);
        }
        return o;
    }

    /** One metric's entry: how it is scored, per-setting runs and estimates, profiles and improvements. */
    static JsonObject metric(MetricSamples m, SeedComparison.Result result) {
        JsonObject o = new JsonObject();
        o.addProperty("title", m.title());
        o.addProperty("source", m.source());
        o.addProperty("direction", m.direction().key());
        o.addProperty("normalised", m.normalised());
        if (!m.note().isEmpty()) {
            o.addProperty("note", m.note());
        }
        JsonArray settings = new JsonArray();
        for (int s = 0; s < m.settings().size(); s++) {
            MetricSamples.Values v = m.settings().get(s);
            SeedComparison.SettingEstimates e = result.settings().get(s);
            JsonObject so = new JsonObject();
            so.addProperty("label", v.label());
            so.addProperty("runs", v.runs().size());
            so.addProperty("censored", v.sample().censoredCount());
            JsonArray runs = new JsonArray();
            double[] values = v.sample().values();
            boolean[] censored = v.sample().censored();
            for (int r = 0; r < values.length; r++) {
                JsonObject run = new JsonObject();
                run.addProperty("seed", v.runs().get(r).run().seed());
                run.addProperty("value", values[r]);
                if (censored[r]) {
                    run.addProperty("censored", true);
                }
                runs.add(run);
            }
            so.add("values", runs);
            for (Map.Entry<Estimator, Interval> est : e.estimates().entrySet()) {
                so.add(est.getKey().key(), interval(est.getValue()));
            }
            settings.add(so);
        }
        o.add("settings", settings);
        o.add("profile", profile(m, result));
        JsonArray improvements = new JsonArray();
        for (SeedComparison.Improvement i : result.improvements()) {
            JsonObject io = new JsonObject();
            io.addProperty("x", i.x());
            io.addProperty("y", i.y());
            io.add("probability", interval(i.probability()));
            improvements.add(io);
        }
        o.add("improvement", improvements);
        return o;
    }

    private static JsonObject profile(MetricSamples m, SeedComparison.Result result) {
        JsonObject p = new JsonObject();
        p.addProperty("meaning", m.direction() == Direction.HIGHER_IS_BETTER
                ? "fraction of runs with score > tau" : "fraction of runs with score <= tau (censored runs never)");
        p.add("taus", doubles(m.taus()));
        JsonArray settings = new JsonArray();
        for (SeedComparison.SettingEstimates e : result.settings()) {
            PerformanceProfile profile = e.profile();
            Interval[] f = profile.fractions();
            double[][] cols = new double[3][f.length];
            for (int k = 0; k < f.length; k++) {
                cols[0][k] = f[k].point();
                cols[1][k] = f[k].lower();
                cols[2][k] = f[k].upper();
            }
            JsonObject so = new JsonObject();
            so.addProperty("label", e.label());
            so.add("fraction", doubles(cols[0]));
            so.add("lower", doubles(cols[1]));
            so.add("upper", doubles(cols[2]));
            settings.add(so);
        }
        p.add("settings", settings);
        return p;
    }

    private static JsonObject interval(Interval i) {
        JsonObject o = new JsonObject();
        o.addProperty("point", i.point());
        o.addProperty("lower", i.lower());
        o.addProperty("upper", i.upper());
        return o;
    }

    private static JsonArray doubles(double[] values) {
        return Json.doubles(values);
    }
}
