package dev.lantern.app.sweep;

import dev.lantern.analysis.stats.CensoredSample;
import dev.lantern.analysis.stats.Direction;
import dev.lantern.analysis.stats.Estimator;
import dev.lantern.analysis.stats.PerformanceProfile;
import dev.lantern.analysis.stats.ScoreMatrix;
import dev.lantern.analysis.stats.SeedComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * One metric's scores over the settings of a sweep, one value per completed run, as the aggregate compares them.
 *
 * @param key        the metric's name in {@code aggregate.json}
 * @param title      what it is, for figures and the table
 * @param source     how a run's score is computed from its files
 * @param direction  which way it improves
 * @param normalised whether scores are divided by the exact optimum (1 = optimal)
 * @param note       why the scores are raw, or how censoring works; empty when there is nothing to say
 * @param estimators the estimators that apply (the optimality gap only on a [0, 1] scale with 1 = optimal)
 * @param taus       the performance profile's thresholds
 * @param settings   per setting with at least one completed run, in sweep order
 */
public record MetricSamples(String key, String title, String source, Direction direction, boolean normalised,
                            String note, List<Estimator> estimators, double[] taus, List<Values> settings) {

    /** Points of every profile's threshold grid. */
    public static final int PROFILE_POINTS = 101;

    /**
     * One setting's values.
     *
     * @param label  the setting
     * @param runs   its completed runs, by seed
     * @param sample each run's value (censored runs at their budget) and whether it was censored
     */
    public record Values(String label, List<RunScores> runs, CensoredSample sample) {
    }

    /** The stats package's samples: censored runs at the budget for estimates, at +Infinity for profiles. */
    public List<SeedComparison.Sample> samples() {
        return settings.stream().map(v -> new SeedComparison.Sample(v.label(), ScoreMatrix.ofRuns(v.sample().values()),
                ScoreMatrix.ofRuns(v.sample().neverAsInfinity()))).toList();
    }

    /** The four metrics of a sweep over its completed runs ({@code settings}: label to runs by seed). */
    public static List<MetricSamples> of(Map<String, List<RunScores>> settings) {
        List<MetricSamples> out = new ArrayList<>();
        List<RunScores> all = settings.values().stream().flatMap(List::stream).toList();
        String raw = all.stream().filter(r -> r.optimalReturn().isEmpty() || !(r.optimalReturn().getAsDouble() > 0))
                .findFirst().map(r -> r.optimalReturn().isEmpty()
                        ? "raw eval/return: " + r.run().dir() + " has no eval/optimal_return (the map was not solved)"
                        : "raw eval/return: " + r.run().dir() + " has eval/optimal_return "
                                + r.optimalReturn().getAsDouble() + " (not > 0, so not a scale)").orElse("");
        boolean normalised = !all.isEmpty() && raw.isEmpty();
        Function<RunScores, OptionalDouble> ret = normalised
                ? r -> OptionalDouble.of(r.finalReturn() / r.optimalReturn().getAsDouble())
                : r -> OptionalDouble.of(r.finalReturn());
        out.add(metric("return", normalised ? "Final greedy return / exact optimum" : "Final greedy return (raw)",
                normalised ? "last eval/return / last eval/optimal_return" : "last eval/return",
                Direction.HIGHER_IS_BETTER, normalised, raw, settings, ret, normalised));
        out.add(metric("steps_to_solve", "Env steps to the first solving evaluation", "first eval/first_solved_step",
                Direction.LOWER_IS_BETTER, false, "a run that never solved is censored one step past the last it "
                        + "trained (counted, never dropped; behind every run that solved); lower is better: P(X > Y) here is P(X solves in fewer steps)",
                settings, RunScores::firstSolvedStep, false));
        if (!all.isEmpty() && all.stream().allMatch(r -> r.performance().isPresent())) {
            out.add(metric("performance", "Final hidden performance", "last eval/performance",
                    Direction.HIGHER_IS_BETTER, false, "", settings, RunScores::performance, false));
        }
        out.add(metric("success_rate", "Final greedy success rate", "last eval/success_rate",
                Direction.HIGHER_IS_BETTER, false, "", settings, r -> OptionalDouble.of(r.successRate()), true));
        return out;
    }

    private static MetricSamples metric(String key, String title, String source, Direction direction,
                                        boolean normalised, String note, Map<String, List<RunScores>> settings,
                                        Function<RunScores, OptionalDouble> value, boolean unitScale) {
        List<Values> values = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, List<RunScores>> e : settings.entrySet()) {
            List<RunScores> runs = e.getValue();
            OptionalDouble[] observed = runs.stream().map(value).toArray(OptionalDouble[]::new);
            double[] budgets = runs.stream().mapToDouble(RunScores::budget).toArray();
            CensoredSample sample = CensoredSample.atBudget(observed, budgets);
            for (double v : sample.values()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            values.add(new Values(e.getKey(), runs, sample));
        }
        if (direction == Direction.LOWER_IS_BETTER) {
            lo = 0; // steps: from 0 to the largest budget
        }
        if (unitScale) {
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 1);
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        List<Estimator> estimators = unitScale ? List.of(Estimator.values()) : Estimator.locations();
        return new MetricSamples(key, title, source, direction, normalised, note, estimators,
                PerformanceProfile.grid(lo, hi, PROFILE_POINTS), List.copyOf(values));
    }
}
