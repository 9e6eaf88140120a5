package dev.lantern.analysis.lca;

import java.util.List;

/**
 * How loss change allocation runs during training.
 *
 * @param enabled        compute LCA at every update; default true
 * @param probeSize      states in each probe set (the pinned loss's data), sampled from the latest rollout and fixed
 *                       for that iteration's updates; default 256
 * @param errorThreshold absolute |actual − allocated| above which a step is re-integrated with more Simpson pieces;
 *                       default 1e-3 (DESIGN.md)
 * @param maxPieces      the most Simpson pieces per step, a power of two; default 32
 * @param perTerm        split every step's allocation by the loss's terms (policy, value, entropy; td; policy, value,
 *                       l2), each integrated to its own real change; costs a gradient per term at each point instead of
 *                       one for the whole loss (the default run trains 1.4x as long with it: 26-28 s against
 *                       18.4-18.6 s, measured in one session); default false
 */
public record LcaSettings(boolean enabled, int probeSize, double errorThreshold, int maxPieces, boolean perTerm) {

    /** The documented defaults. */
    public static LcaSettings defaults() {
        return new LcaSettings(true, 256, LossChangeAllocator.DEFAULT_ERROR_THRESHOLD,
                LossChangeAllocator.DEFAULT_MAX_PIECES, false);
    }

    /** These settings with {@code perTerm} set as given. */
    public LcaSettings withPerTerm(boolean split) {
        return new LcaSettings(enabled, probeSize, errorThreshold, maxPieces, split);
    }

    /** Adds one message per bad field, naming it under {@code path}. */
    public void validate(String path, List<String> problems) {
        if (probeSize < 1) {
            problems.add(path + ".probeSize: must be >= 1, got " + probeSize);
        }
        if (!(errorThreshold >= 0) || Double.isInfinite(errorThreshold)) {
            problems.add(path + ".errorThreshold: must be >= 0, got " + errorThreshold);
        }
        if (maxPieces < 1 || maxPieces > 1024 || Integer.bitCount(maxPieces) != 1) {
            problems.add(path + ".maxPieces: must be a power of two in [1, 1024], got " + maxPieces);
        }
    }
}
