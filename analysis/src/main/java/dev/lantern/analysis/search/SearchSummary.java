package dev.lantern.analysis.search;

/**
 * The network and the search over every measured position, as means over the positions (each counts once). These are
 * exact over the whole set, not estimates from a sample, so they carry no sampling error; what can go wrong numerically
 * is reported as {@link #priorSumError()}.
 *
 * @param positions          positions measured (non-terminal ones)
 * @param simulations        the search's budget per position
 * @param cPuct              the search's PUCT constant
 * @param networkAccuracy    fraction of positions whose argmax prior is in the exact best-move set
 * @param networkValueError  mean {@code |network value - exact value|}
 * @param searchAccuracy     fraction whose most visited move is in the exact best-move set
 * @param searchValueError   mean {@code |search root value - exact value|}
 * @param meanKlVisitsPrior  mean {@code KL(visits || prior)} at the root, in nats
 * @param agreement          fraction where the network's and the search's move are the same
 * @param priorSumError      the largest {@code |sum of legal priors - 1|} seen (a check of the evaluator)
 */
public record SearchSummary(int positions, int simulations, double cPuct, double networkAccuracy,
        double networkValueError, double searchAccuracy, double searchValueError, double meanKlVisitsPrior,
        double agreement, double priorSumError) {

    /** How much the search adds to the network's accuracy: {@code searchAccuracy - networkAccuracy}. */
    public double accuracyGap() {
        return searchAccuracy - networkAccuracy;
    }

    /** How much the search lowers the value error: {@code networkValueError - searchValueError}. */
    public double valueErrorGap() {
        return networkValueError - searchValueError;
    }
}
