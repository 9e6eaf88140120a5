package dev.lantern.analysis.stats;

import java.util.List;

/** The four aggregate estimators rliable reports, as {@link Aggregates} computes them. */
public enum Estimator {
    /** Interquartile mean of all scores pooled (25% trimmed each side). */
    IQM("iqm"),
    /** Median of the per-task mean scores. */
    MEDIAN("median"),
    /** Mean of the per-task mean scores. */
    MEAN("mean"),
    /** Optimality gap with {@code gamma = 1}: the mean shortfall below 1 of normalised scores. */
    OPTIMALITY_GAP("optimality_gap");

    /** The gap's threshold: 1, the exact optimum of a normalised score. */
    public static final double GAMMA = 1.0;

    private final String key;

    Estimator(String key) {
        this.key = key;
    }

    /** The estimators that apply to any metric: IQM, median and mean. */
    public static List<Estimator> locations() {
        return List.of(IQM, MEDIAN, MEAN);
    }

    /** The name the files use: {@code iqm}, {@code median}, {@code mean}, {@code optimality_gap}. */
    public String key() {
        return key;
    }

    /** This estimate of {@code scores}, {@code [runs][tasks]}. */
    public double apply(double[][] scores) {
        return switch (this) {
            case IQM -> Aggregates.iqm(scores);
            case MEDIAN -> Aggregates.median(scores);
            case MEAN -> Aggregates.mean(scores);
            case OPTIMALITY_GAP -> Aggregates.optimalityGap(scores, GAMMA);
        };
    }

    /** This estimate of {@code scores}. */
    public double apply(ScoreMatrix scores) {
        return apply(scores.raw());
    }
}
