package dev.lantern.analysis.circuits;

/**
 * What an ablation does to the value head's error and to the greedy policy's outcome from the start (issue 10,
 * point 3), clean beside ablated. Errors are means over the decision states of {@code |V-hat - V*|} and
 * {@code |V-hat - V^pi|} against the fixed targets of {@link ValueTruth} (NaN without them, or where they are not
 * defined); the outcomes are {@link GreedyOutcome}s of the greedy policies of the clean and the ablated network.
 *
 * @param cleanErrorStar mean {@code |V-hat - V*|} of the clean network
 * @param errorStar      the same with the neuron ablated
 * @param cleanErrorPi   mean {@code |V-hat - V^pi|} of the clean network ({@code pi} the clean policy)
 * @param errorPi        the same with the neuron ablated
 * @param clean          the clean network's greedy outcome from the start
 * @param ablated        the ablated network's greedy outcome from the start
 */
public record AblationOutcome(double cleanErrorStar, double errorStar, double cleanErrorPi, double errorPi,
        GreedyOutcome clean, GreedyOutcome ablated) {

    /** {@code errorStar - cleanErrorStar}: positive when the ablation makes the value head worse against V*. */
    public double errorStarChange() {
        return errorStar - cleanErrorStar;
    }

    /** {@code errorPi - cleanErrorPi}: positive when the ablation makes the value head worse against V^pi. */
    public double errorPiChange() {
        return errorPi - cleanErrorPi;
    }

    /** The change of the greedy policy's expected return from the start, ablated minus clean. */
    public double returnChange() {
        return ablated.expectedReturn() - clean.expectedReturn();
    }

    /** The change of the greedy policy's success probability from the start, ablated minus clean. */
    public double successChange() {
        return ablated.success() - clean.success();
    }

    /** The change of the greedy policy's expected hidden performance from the start, ablated minus clean. */
    public double performanceChange() {
        return ablated.performance() - clean.performance();
    }
}
