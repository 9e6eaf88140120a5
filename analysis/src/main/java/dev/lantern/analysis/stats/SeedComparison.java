package dev.lantern.analysis.stats;

import dev.lantern.environments.random.Seeds;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One metric compared over several configurations ("settings"), each a score matrix of its runs: every estimator
 * with its stratified-bootstrap interval, a performance profile with bands, and the probability of improvement of
 * every ordered pair of settings. Each bootstrap has its own seed, derived from the options' seed and the metric's
 * and settings' names ({@link Seeds#derive}), so adding a setting or a metric changes no other interval.
 */
public final class SeedComparison {

    /**
     * One setting's scores for a metric.
     *
     * @param label   the setting's name
     * @param scores  the scores the estimators and the probability of improvement use (censored runs at their budget)
     * @param profile the scores the profile uses (censored runs at +Infinity); often {@code scores}
     */
    public record Sample(String label, ScoreMatrix scores, ScoreMatrix profile) {
    }

    /**
     * One setting's estimates.
     *
     * @param label     the setting's name
     * @param runs      the runs behind them
     * @param estimates each estimator's interval, in {@link Estimator} order
     * @param profile   its performance profile
     */
    public record SettingEstimates(String label, int runs, Map<Estimator, Interval> estimates,
                                   PerformanceProfile profile) {
    }

    /**
     * The probability that setting {@code x} improves on setting {@code y}, with its interval.
     *
     * @param x           the setting asked about
     * @param y           the setting it is compared with
     * @param probability {@code P(X > Y)} (or {@code P(X < Y)} when lower is better)
     */
    public record Improvement(String x, String y, Interval probability) {
    }

    /**
     * The comparison of one metric.
     *
     * @param metric       the metric's name
     * @param direction    which way it improves
     * @param settings     per setting, in input order
     * @param improvements every pair {@code (x, y)} with {@code x} before {@code y} in input order (the reverse is
     *                     {@code 1 - P}: ties count half each way)
     */
    public record Result(String metric, Direction direction, List<SettingEstimates> settings,
                         List<Improvement> improvements) {
    }

    private SeedComparison() {
    }

    /**
     * Compares {@code samples} on {@code metric}.
     *
     * @param estimators the estimators to report (e.g. no optimality gap for a metric that is not normalised)
     * @param taus       the profile's thresholds, ascending
     * @throws IllegalArgumentException when two samples share a label or differ in tasks
     */
    public static Result compare(String metric, Direction direction, List<Sample> samples, List<Estimator> estimators,
                                 double[] taus, BootstrapOptions options) {
        Map<String, Sample> byLabel = new LinkedHashMap<>();
        for (Sample s : samples) {
            if (byLabel.putIfAbsent(s.label(), s) != null) {
                throw new IllegalArgumentException("two samples are labelled '" + s.label() + "'");
            }
        }
        List<Estimator> chosen = List.copyOf(estimators);
        StratifiedBootstrap intervals = new StratifiedBootstrap(options.intervalResamples(), options.confidence(),
                options.seed());
        StratifiedBootstrap bands = new StratifiedBootstrap(options.profileResamples(), options.confidence(),
                options.seed());
        List<SettingEstimates> settings = new ArrayList<>();
        for (Sample s : samples) {
            Interval[] iv = intervals.withSeed(Seeds.derive(options.seed(), metric + "/" + s.label() + "/estimates"))
                    .intervals(s.scores(), m -> Aggregates.evaluate(m, chosen));
            Map<Estimator, Interval> estimates = new EnumMap<>(Estimator.class);
            for (int k = 0; k < iv.length; k++) {
                estimates.put(chosen.get(k), iv[k]);
            }
            PerformanceProfile profile = PerformanceProfile.of(s.profile(), taus, direction,
                    bands.withSeed(Seeds.derive(options.seed(), metric + "/" + s.label() + "/profile")));
            settings.add(new SettingEstimates(s.label(), s.scores().runs(), estimates, profile));
        }
        List<Improvement> improvements = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            for (int j = i + 1; j < samples.size(); j++) {
                Sample x = samples.get(i);
                Sample y = samples.get(j);
                StratifiedBootstrap b = intervals.withSeed(Seeds.derive(options.seed(),
                        metric + "/" + x.label() + "/vs/" + y.label()));
                improvements.add(new Improvement(x.label(), y.label(),
                        ProbabilityOfImprovement.interval(x.scores(), y.scores(), direction, b)));
            }
        }
        return new Result(metric, direction, List.copyOf(settings), List.copyOf(improvements));
    }
}
