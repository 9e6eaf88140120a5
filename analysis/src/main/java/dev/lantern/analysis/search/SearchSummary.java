package dev.lantern.analysis.search;

/**
 * The network and the search over the measured positions, as means over the positions (each counts once). Over every
 * reachable position (tic-tac-toe) these are exact, not estimates, so they carry no sampling error; over a sample
 * (connect-four, {@link AlphaBetaPositions}) they are the sample's means. What can go wrong numerically is reported as
 * {@link #priorSumError()}.
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

    /**
     * The means over {@code verdicts} (all positions measured, or a subset such as the proven ones); with none, every
     * mean is NaN. {@code priorSumError} is recomputed from the verdicts' priors (0 off the legal moves).
     */
    public static SearchSummary of(java.util.List<PositionVerdict> verdicts, int simulations, double cPuct) {
        int n = verdicts.size();
        double netCorrect = 0;
        double netError = 0;
        double searchCorrect = 0;
        double searchError = 0;
        double kl = 0;
        double agree = 0;
        double priorSumError = 0;
        for (PositionVerdict v : verdicts) {
            netCorrect += v.networkCorrect() ? 1 : 0;
            searchCorrect += v.searchCorrect() ? 1 : 0;
            netError += v.networkValueError();
            searchError += v.searchValueError();
            kl += v.klVisitsPrior();
            agree += v.networkMove() == v.searchMove() ? 1 : 0;
            double sum = 0;
            for (double p : v.prior()) {
                sum += p;
            }
            priorSumError = Math.max(priorSumError, Math.abs(sum - 1));
        }
        return new SearchSummary(n, simulations, cPuct, netCorrect / n, netError / n, searchCorrect / n,
                searchError / n, kl / n, agree / n, priorSumError);
    }

    /** How much the search adds to the network's accuracy: {@code searchAccuracy - networkAccuracy}. */
    public double accuracyGap() {
        return searchAccuracy - networkAccuracy;
    }

    /** How much the search lowers the value error: {@code networkValueError - searchValueError}. */
    public double valueErrorGap() {
        return networkValueError - searchValueError;
    }
}
