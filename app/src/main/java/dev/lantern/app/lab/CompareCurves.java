package dev.lantern.app.lab;

import dev.lantern.analysis.stats.Aggregates;
import dev.lantern.analysis.stats.Interval;
import dev.lantern.analysis.stats.ScoreMatrix;
import dev.lantern.analysis.stats.StratifiedBootstrap;
import dev.lantern.agents.run.MetricsLog;
import java.util.ArrayList;
import java.util.List;

/**
 * What the compare chart draws: one return curve per run and the IQM across runs per step bin with its 95% bootstrap
 * band (rliable's IQM and a seeded percentile bootstrap over runs, {@code dev.lantern.analysis.stats}). A run's curve is its {@code eval/return} points when it has two or more (periodic greedy
 * evaluation), else its {@code episode/return} averaged in step bins. The bins are {@link #BINS} equal bins over
 * {@code [0, the longest run's last step]}; a run's score in a bin is the mean of its curve points in it, and the IQM of
 * a bin is taken over the runs that have a point there.
 *
 * @param curves   one per run, in the order given
 * @param binWidth the width of a step bin
 * @param iqm      the IQM band
 */
record CompareCurves(List<Curve> curves, long binWidth, Band iqm) {

    /** The band: 2,000 resamples of the runs, 95%, seed 0 (the same runs always give the same band). */
    static final StratifiedBootstrap BAND = new StratifiedBootstrap(StratifiedBootstrap.PROFILE_RESAMPLES,
            StratifiedBootstrap.CONFIDENCE, 0);


    /** Step bins over the longest run. */
    static final int BINS = 40;

    /**
     * One run's curve.
     *
     * @param run    the run
     * @param metric {@code eval/return} or {@code episode/return} (bin means)
     * @param steps  x, env steps
     * @param values y, returns
     */
    record Curve(OpenedRun run, String metric, double[] steps, double[] values) {
    }

    /**
     * The IQM per bin (bins without any run's point are left out).
     *
     * @param steps the bins' centres
     * @param iqm   the IQM across runs
     * @param low   the band's lower end
     * @param high  the band's upper end
     * @param runs  how many runs have a point in the bin
     */
    record Band(double[] steps, double[] iqm, double[] low, double[] high, int[] runs) {
    }

    /** The curves of {@code runs} and their IQM band. */
    static CompareCurves of(List<OpenedRun> runs) {
        long last = 1;
        for (OpenedRun r : runs) {
            last = Math.max(last, r.lastStep());
        }
        long width = Math.max(1, (last + BINS - 1) / BINS);
        int bins = (int) (last / width) + 1;
        List<Curve> curves = new ArrayList<>();
        double[][] score = new double[runs.size()][];
        for (int i = 0; i < runs.size(); i++) {
            Curve c = curve(runs.get(i), width, bins);
            curves.add(c);
            score[i] = binMeans(c.steps(), c.values(), width, bins);
        }
        return new CompareCurves(List.copyOf(curves), width, band(score, width, bins));
    }

    private static Curve curve(OpenedRun run, long width, int bins) {
        MetricsLog.Series eval = run.evalReturns();
        if (eval.size() >= 2) {
            double[] x = new double[eval.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = eval.steps()[i];
            }
            return new Curve(run, "eval/return", x, eval.values().clone());
        }
        MetricsLog.Series ep = run.episodeReturns();
        double[] steps = new double[ep.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = ep.steps()[i];
        }
        double[] means = binMeans(steps, ep.values(), width, bins);
        List<double[]> points = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (!Double.isNaN(means[b])) {
                points.add(new double[] {(b + 0.5) * width, means[b]});
            }
        }
        return new Curve(run, "episode/return", points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
    }

    /** The mean of the values in each step bin, NaN for an empty bin. */
    static double[] binMeans(double[] steps, double[] values, long width, int bins) {
        double[] sum = new double[bins];
        int[] n = new int[bins];
        for (int i = 0; i < steps.length; i++) {
            int b = (int) Math.min(bins - 1, Math.max(0, (long) steps[i] / width));
            sum[b] += values[i];
            n[b]++;
        }
        double[] mean = new double[bins];
        for (int b = 0; b < bins; b++) {
            mean[b] = n[b] == 0 ? Double.NaN : sum[b] / n[b];
        }
        return mean;
    }

    private static Band band(double[][] score, long width, int bins) {
        List<double[]> rows = new ArrayList<>(); // x, iqm, low, high, runs
        for (int b = 0; b < bins; b++) {
            List<Double> v = new ArrayList<>();
            for (double[] s : score) {
                if (!Double.isNaN(s[b])) {
                    v.add(s[b]);
                }
            }
            if (v.isEmpty()) {
                continue;
            }
            double[] values = v.stream().mapToDouble(Double::doubleValue).toArray();
            Interval ci = BAND.interval(ScoreMatrix.ofRuns(values), Aggregates::iqm);
            rows.add(new double[] {(b + 0.5) * width, ci.point(), ci.lower(), ci.upper(), values.length});
        }
        double[][] cols = new double[5][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < 5; k++) {
                cols[k][i] = rows.get(i)[k];
            }
        }
        int[] runs = new int[rows.size()];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = (int) cols[4][i];
        }
        return new Band(cols[0], cols[1], cols[2], cols[3], runs);
    }
}
