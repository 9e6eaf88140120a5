package dev.lantern.analysis.dynamics;

import dev.lantern.analysis.circuits.ProbeScore;
import dev.lantern.analysis.circuits.WhatWhenWhere;
import java.util.ArrayList;
import java.util.List;

/**
 * When a run's network acquires each concept (issue 11, point 8, from the what-when-where probes of issue 10): per
 * concept, the best layer's held-out probe score at step 0 (the run's own untrained network, which is the
 * random-initialisation control: the same config and seed initialise it identically) and at every checkpoint; the
 * concept is <b>acquired</b> at the first checkpoint whose score reaches half the way from the step-0 score to the best
 * score, provided the best score gains at least {@link #MIN_GAIN} over step 0 and beats the shuffled-labels control
 * by as much. Checkpoints are coarse, so the step is bracketed: it happened after the checkpoint before it.
 */
public final class ConceptAcquisition {

    /** The least gain of score (balanced accuracy or R^2) over the untrained network that counts as an acquisition. */
    public static final double MIN_GAIN = 0.1;

    /**
     * One concept over training.
     *
     * @param concept    the concept's name
     * @param steps      step 0 and then each checkpoint's env step
     * @param scores     the best layer's score at each of {@code steps} (NaN where undefined)
     * @param sites      the layer that scored best at each checkpoint (null at step 0's entry when undefined)
     * @param shuffled   the shuffled-labels control of the best score
     * @param acquiredAt the env step of acquisition, or -1 when it was not acquired (or was learnable at step 0 already)
     * @param after      the step of the checkpoint before {@code acquiredAt} (0 for the first), or -1
     */
    public record Concept(String concept, long[] steps, double[] scores, String[] sites, double shuffled,
            long acquiredAt, long after) {
    }

    private ConceptAcquisition() {
    }

    /** Every concept of {@code www}, with step 0 read from its random-initialisation row. */
    public static List<Concept> of(WhatWhenWhere www) {
        List<Concept> out = new ArrayList<>();
        int sites = www.sites().size();
        int checkpoints = www.steps().size();
        for (int c = 0; c < www.concepts().size(); c++) {
            long[] steps = new long[checkpoints + 1];
            double[] scores = new double[checkpoints + 1];
            String[] bestSites = new String[checkpoints + 1];
            ProbeScore[] column = new ProbeScore[sites];
            for (int s = 0; s < sites; s++) {
                column[s] = www.randomInit(c, s);
            }
            ProbeScore first = best(column);
            scores[0] = first == null ? Double.NaN : first.score();
            bestSites[0] = first == null ? null : first.site();
            double bestScore = Double.NEGATIVE_INFINITY;
            double shuffled = Double.NaN;
            for (int t = 0; t < checkpoints; t++) {
                for (int s = 0; s < sites; s++) {
                    column[s] = www.score(c, s, t);
                }
                ProbeScore b = best(column);
                steps[t + 1] = www.steps().get(t);
                scores[t + 1] = b == null ? Double.NaN : b.score();
                bestSites[t + 1] = b == null ? null : b.site();
                if (b != null && b.score() > bestScore) {
                    bestScore = b.score();
                    shuffled = b.shuffled();
                }
            }
            int at = acquiredIndex(scores, shuffled);
            long acquiredAt = at < 0 ? -1 : steps[at];
            long after = at < 0 ? -1 : steps[at - 1];
            out.add(new Concept(www.concepts().get(c).name(), steps, scores, bestSites, shuffled, acquiredAt, after));
        }
        return List.copyOf(out);
    }

    /**
     * The index in {@code scores} (index 0 = step 0, then the checkpoints) at which a concept is acquired: the first
     * checkpoint reaching half the way from {@code scores[0]} to the best score, when the best gains at least
     * {@link #MIN_GAIN} over step 0 and over {@code shuffled} (the best score's shuffled-labels control); else -1.
     */
    public static int acquiredIndex(double[] scores, double shuffled) {
        double best = Double.NEGATIVE_INFINITY;
        for (int t = 1; t < scores.length; t++) {
            if (scores[t] > best) {
                best = scores[t];
            }
        }
        if (!Double.isFinite(scores[0]) || !(best - scores[0] >= MIN_GAIN) || best - shuffled < MIN_GAIN) {
            return -1;
        }
        double half = scores[0] + 0.5 * (best - scores[0]);
        for (int t = 1; t < scores.length; t++) {
            if (scores[t] >= half) {
                return t;
            }
        }
        return -1;
    }

    private static ProbeScore best(ProbeScore[] column) {
        ProbeScore best = null;
        for (ProbeScore p : column) {
            if (p != null && p.defined() && (best == null || p.score() > best.score())) {
                best = p;
            }
        }
        return best;
    }
}
