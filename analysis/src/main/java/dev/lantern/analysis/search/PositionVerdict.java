package dev.lantern.analysis.search;

/**
 * What the network and the search make of one position, against its exact solution. Arrays are indexed by action
 * ({@code [numDistinctActions]}, 0 or NaN for illegal actions); values are for the player to move.
 *
 * @param index         the position's index in the list measured
 * @param position      the position with its exact value and best-move set
 * @param prior         the network's prior over the legal actions (no root noise), 0 for illegal ones
 * @param networkValue  the network's value
 * @param visits        the search's root visits per action, summing to the budget
 * @param q             the search's Q per root action; NaN if illegal or unvisited
 * @param searchValue   the search's root value (the mean of all backed-up returns)
 * @param networkMove   the argmax of the prior (ties: the lowest action)
 * @param searchMove    the most visited action (temperature 0; ties: the lowest action)
 * @param klVisitsPrior {@code KL(visits / budget || prior)} in nats
 */
public record PositionVerdict(int index, ExactPosition position, double[] prior, double networkValue, int[] visits,
        double[] q, double searchValue, int networkMove, int searchMove, double klVisitsPrior) {

    /** Copies the arrays. */
    public PositionVerdict {
        prior = prior.clone();
        visits = visits.clone();
        q = q.clone();
    }

    /** Whether the network's move is in the exact best-move set. */
    public boolean networkCorrect() {
        return position.isBest(networkMove);
    }

    /** Whether the search's move is in the exact best-move set. */
    public boolean searchCorrect() {
        return position.isBest(searchMove);
    }

    /** {@code |networkValue - exact value|}. */
    public double networkValueError() {
        return Math.abs(networkValue - position.value());
    }

    /** {@code |searchValue - exact value|}. */
    public double searchValueError() {
        return Math.abs(searchValue - position.value());
    }

    @Override
    public double[] prior() {
        return prior.clone();
    }

    @Override
    public int[] visits() {
        return visits.clone();
    }

    @Override
    public double[] q() {
        return q.clone();
    }
}
