package dev.lantern.analysis.search;

import java.util.Comparator;
import java.util.List;

/**
 * The verdicts on every position and their summary.
 *
 * @param summary   the means over the positions
 * @param verdicts  one per position, in the order measured
 */
public record SearchReport(SearchSummary summary, List<PositionVerdict> verdicts) {

    /** Copies the list. */
    public SearchReport {
        verdicts = List.copyOf(verdicts);
    }

    /**
     * The means over the positions whose labels are exact ({@link ExactPosition#proven()}): all of them for an
     * enumerated game, the proven subset of a sample; NaN means when there is none.
     */
    public SearchSummary proven() {
        return SearchSummary.of(verdicts.stream().filter(v -> v.position().proven()).toList(), summary.simulations(),
                summary.cPuct());
    }

    /**
     * The {@code k} positions where network and search disagree most: first those where they choose different moves,
     * then by {@code KL(visits || prior)} descending, then by index. Fewer if there are fewer positions.
     */
    public List<PositionVerdict> disagreements(int k) {
        return verdicts.stream()
                .sorted(Comparator.comparing((PositionVerdict v) -> v.networkMove() == v.searchMove())
                        .thenComparing(Comparator.comparingDouble(PositionVerdict::klVisitsPrior).reversed())
                        .thenComparingInt(PositionVerdict::index))
                .limit(k)
                .toList();
    }
}
