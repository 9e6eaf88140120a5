package dev.lantern.analysis.dynamics;

import java.util.Objects;

/**
 * One CKA similarity, or why it is undefined.
 *
 * @param value  the similarity (NaN exactly when undefined); linear CKA lies in [0, 1], debiased CKA may fall a little
 *               below 0 when the representations are unrelated
 * @param reason empty when defined; otherwise what made it undefined, naming the representation (a site with zero
 *               variance over the states, too few states for the unbiased estimator)
 */
public record CkaValue(double value, String reason) {

    public CkaValue {
        Objects.requireNonNull(reason, "reason");
        if (reason.isEmpty() == Double.isNaN(value)) {
            throw new IllegalArgumentException("a CKA value is NaN exactly when it has a reason, got " + value
                    + " with reason '" + reason + "'");
        }
    }

    /** A defined value. */
    public static CkaValue of(double value) {
        return new CkaValue(value, "");
    }

    /** An undefined value: NaN with {@code reason}. */
    public static CkaValue undefined(String reason) {
        if (reason.isEmpty()) {
            throw new IllegalArgumentException("an undefined CKA value needs a reason");
        }
        return new CkaValue(Double.NaN, reason);
    }

    /** Whether the value is defined. */
    public boolean defined() {
        return reason.isEmpty();
    }
}
