package dev.lantern.app.dynamics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.lantern.agents.run.MetricsLog;
import dev.lantern.app.analyze.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code generalisation}: for every run on a level family (docs/procedural.md), its greedy evaluation on the training
 * levels against the held-out test levels over training ({@code eval/{train,test}/success} and
 * {@code normalized_return} at every evaluation), the final gap with the binomial standard error of each success
 * share ({@code sqrt(p (1 - p) / levels)}), and the figure {@code generalisation.png}. A run without these metrics (one
 * map) is listed with the reason.
 */
final class GeneralisationSection implements DynamicsSection {

    /** The figure's name under {@code figures/}. */
    static final String FIGURE = "generalisation";

    /** The two curves of one run, at the same evaluation steps; {@code levels} per split from its manifest. */
    record Curves(String run, long[] steps, double[] trainSuccess, double[] testSuccess, double[] trainNormalized,
            double[] testNormalized, int trainLevels, int testLevels) {
    }

    @Override
    public String member() {
        return "generalisation";
    }

    @Override
    public JsonElement write(DynamicsContext context) {
        JsonArray out = new JsonArray();
        List<Curves> drawn = new ArrayList<>();
        for (DynamicsRun run : context.runs()) {
            MetricsLog m = run.metrics();
            JsonObject o = new JsonObject();
            o.addProperty("run", run.label());
            if (!m.has("eval/train/success") || !m.has("eval/test/success")) {
                o.addProperty("applies", false);
                o.addProperty("reason", "no eval/train/success and eval/test/success: not a run on a level family");
                context.out().printf("  %s: generalisation n/a (not a run on a level family)%n", run.label());
                out.add(o);
                continue;
            }
            Curves c = curves(run);
            o.addProperty("applies", true);
            o.addProperty("trainLevels", c.trainLevels());
            o.addProperty("testLevels", c.testLevels());
            o.add("steps", Json.longs(c.steps()));
            o.add("trainSuccess", Json.doubles(c.trainSuccess()));
            o.add("testSuccess", Json.doubles(c.testSuccess()));
            o.add("trainNormalizedReturn", Json.doubles(c.trainNormalized()));
            o.add("testNormalizedReturn", Json.doubles(c.testNormalized()));
            int last = c.steps().length - 1;
            double train = c.trainSuccess()[last];
            double test = c.testSuccess()[last];
            double trainError = standardError(train, c.trainLevels());
            double testError = standardError(test, c.testLevels());
            o.addProperty("finalStep", c.steps()[last]);
            o.addProperty("finalGap", train - test);
            o.addProperty("finalGapStandardError", Math.sqrt(trainError * trainError + testError * testError));
            context.out().printf(Locale.ROOT, "  %s: generalisation at step %,d: greedy success train %.2f ± %.2f "
                    + "(%d levels) vs test %.2f ± %.2f (%d held-out levels), gap %.2f; normalized return train %.3f "
                    + "vs test %.3f%n", run.label(), c.steps()[last], train, trainError, c.trainLevels(), test,
                    testError, c.testLevels(), train - test, c.trainNormalized()[last], c.testNormalized()[last]);
            drawn.add(c);
            out.add(o);
        }
        if (!drawn.isEmpty() && context.options().figures()) {
            context.figures().chart(FIGURE, GeneralisationFigure.chart(drawn), 960, 620);
        }
        return out;
    }

    /** The binomial standard error of a share {@code p} of {@code n} levels. */
    static double standardError(double p, int n) {
        return n > 0 ? Math.sqrt(p * (1 - p) / n) : Double.NaN;
    }

    private static Curves curves(DynamicsRun run) {
        MetricsLog m = run.metrics();
        MetricsLog.Series train = m.series("eval/train/success");
        JsonObject levels = run.manifest().has("environment") && run.manifest().getAsJsonObject("environment")
                .has("levels") ? run.manifest().getAsJsonObject("environment").getAsJsonObject("levels") : null;
        int trainLevels = levels != null && levels.has("evalTrainLevels") ? levels.get("evalTrainLevels").getAsInt()
                : run.experiment().training().evalEpisodes();
        int testLevels = levels != null && levels.has("evalTestLevels") ? levels.get("evalTestLevels").getAsInt()
                : run.experiment().training().evalEpisodes();
        return new Curves(run.label(), train.steps(), train.values(), m.series("eval/test/success").values(),
                values(m, "eval/train/normalized_return", train.size()),
                values(m, "eval/test/normalized_return", train.size()), trainLevels, testLevels);
    }

    /** The series' values, NaN-filled to {@code n} when a metric is missing (an optimum that was not positive). */
    private static double[] values(MetricsLog m, String name, int n) {
        double[] v = m.series(name).values();
        if (v.length == n) {
            return v;
        }
        double[] filled = new double[n];
        java.util.Arrays.fill(filled, Double.NaN);
        return filled;
    }
}
