package dev.lantern.analysis.circuits;

/**
 * One linear probe's held-out score with its controls and the penalty cross-validation chose (issue 10, point 5).
 *
 * <p>For a {@link Concept.Kind#QUANTITY} the score is R^2 on the held-out states ({@code 1 - SSE / SST}, SST about
 * the held-out mean; 1 is exact, 0 is no better than that mean, it can be negative) and {@link #chance} is 0. For a
 * {@link Concept.Kind#CLASS} the score is balanced accuracy on the held-out states (the mean over the classes present
 * there of the fraction of that class predicted right) and {@link #chance} is {@code 1 / classes present}: what any
 * constant guess scores, <b>the majority class included</b> (the "chance = the majority class"). Plain
 * accuracy would reward the majority guess with {@link #majority}, the held-out share of the training states' most
 * common class (the lowest on a tie), which is given beside it (NaN for a quantity).
 *
 * <p>{@link #shuffled} is the same probe (same procedure: split, cross-validation, fit) on the concept's values
 * permuted among its probed states: a probe that finds the concept, and not the capacity of the features to fit
 * anything, scores well above it. {@link #random} is the same probe, same split, same labels, on a freshly initialised
 * network of the same shape (when the probe was given one, see {@link ConceptProbe#withRandomControl}): what the
 * architecture and the input give without training.
 *
 * <p>{@link #ridge} is the relative penalty 5-fold cross-validation on the training states chose from the grid of
 * {@link ProbeSettings}, {@link #lambda} the absolute one of the final fit ({@code ridge * trace(Xc'Xc) / features}
 * of the centred training features).
 *
 * <p>A concept undefined on the map, constant over its probed states (or the training or held-out ones), or with too
 * few probed states has no score: {@link #defined()} is false, {@link #undefined} says why and the numbers are NaN,
 * never a perfect score.
 *
 * @param concept   the concept's name
 * @param site      the site probed
 * @param kind      quantity (R^2) or class (balanced accuracy)
 * @param score     held-out R^2 or balanced accuracy; NaN when undefined
 * @param shuffled  the shuffled-labels control's score; NaN when undefined (or the shuffled labels are)
 * @param random    the random-initialisation control's score; NaN when undefined or when there is no such control
 * @param chance    0 for R^2, {@code 1 / classes held out} for balanced accuracy; NaN when undefined
 * @param majority  for a class, the held-out share of the training majority class; NaN for a quantity or undefined
 * @param ridge     the relative penalty chosen; NaN when undefined
 * @param lambda    the absolute penalty of the final fit; NaN when undefined
 * @param train     training states
 * @param test      held-out states
 * @param undefined why there is no score, or null
 */
public record ProbeScore(String concept, String site, Concept.Kind kind, double score, double shuffled, double random,
        double chance, double majority, double ridge, double lambda, int train, int test, String undefined) {

    /** Whether the probe has a score. */
    public boolean defined() {
        return undefined == null;
    }

    /** This score with {@code control} as its random-initialisation control. */
    public ProbeScore withRandom(double control) {
        return new ProbeScore(concept, site, kind, score, shuffled, control, chance, majority, ridge, lambda, train, test,
                undefined);
    }

    static ProbeScore undefined(String concept, String site, Concept.Kind kind, int train, int test, String why) {
        return new ProbeScore(concept, site, kind, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, train, test, why);
    }
}
