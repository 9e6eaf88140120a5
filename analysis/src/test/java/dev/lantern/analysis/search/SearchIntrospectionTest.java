package dev.lantern.analysis.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.agents.mcts.GameProblem;
import dev.lantern.environments.board.GameState;
import dev.lantern.environments.board.TicTacToe;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchIntrospectionTest {

    private static final List<ExactPosition> POSITIONS = ExactPositions.nonTerminal(TicTacToe.instance());

    @Test
    void anOracleWhosePriorIsUniformOverTheBestMovesScoresAccuracyOneAndNoValueError() {
        SearchSummary s = new SearchIntrospection(TicTacToe.instance(), 1, 1.5)
                .measure(POSITIONS, new ExactOracle(POSITIONS, true)).summary();
        assertEquals(4520, s.positions());
        assertEquals(1.0, s.networkAccuracy());
        assertEquals(0.0, s.networkValueError());
        assertTrue(s.priorSumError() < 1e-12, "prior sums off by " + s.priorSumError());
    }

    @Test
    void aSearchWithAHugeBudgetAndExactLeafValuesFindsABestMoveEverywhere() {
        SearchReport r = new SearchIntrospection(TicTacToe.instance(), 800, 1.5)
                .measure(POSITIONS, new ExactOracle(POSITIONS, false));
        SearchSummary s = r.summary();
        // a uniform prior over the legal moves knows only where all moves are equally good
        assertTrue(s.networkAccuracy() < 0.9, "uniform prior accuracy " + s.networkAccuracy());
        assertEquals(1.0, s.searchAccuracy(), "wrong at " + r.verdicts().stream().filter(v -> !v.searchCorrect())
                .limit(3).map(v -> v.position().state().render() + " visits " + java.util.Arrays.toString(v.visits()))
                .toList());
        assertTrue(s.meanKlVisitsPrior() > 0.1, "search moved off the uniform prior: KL " + s.meanKlVisitsPrior());
        for (PositionVerdict v : r.verdicts()) {
            assertEquals(800, java.util.Arrays.stream(v.visits()).sum());
        }
    }

    @Test
    void disagreementsComeFirstWhereTheMovesDiffer() {
        SearchReport r = new SearchIntrospection(TicTacToe.instance(), 50, 1.5)
                .measure(POSITIONS, new ExactOracle(POSITIONS, false));
        List<PositionVerdict> top = r.disagreements(10);
        assertEquals(10, top.size());
        long differ = r.verdicts().stream().filter(v -> v.networkMove() != v.searchMove()).count();
        assertTrue(differ >= 10, "only " + differ + " positions where the moves differ");
        for (int i = 0; i < top.size(); i++) {
            assertTrue(top.get(i).networkMove() != top.get(i).searchMove());
            if (i > 0) {
                assertTrue(top.get(i - 1).klVisitsPrior() >= top.get(i).klVisitsPrior());
            }
        }
    }

    @Test
    void aViewsProbabilitiesAreRenormalizedOverTheLegalMoves() {
        PolicyValueView view = new PolicyValueView() {
            @Override
            public int actionCount() {
                return 9;
            }

            @Override
            public int inputSize() {
                return 27;
            }

            @Override
            public void evaluate(float[] observations, int count, double[] probabilities, double[] values) {
                for (int i = 0; i < count; i++) {
                    for (int a = 0; a < 9; a++) {
                        probabilities[i * 9 + a] = (a + 1) / 45.0;
                    }
                    values[i] = 0.25;
                }
            }
        };
        GameState s = TicTacToe.instance().initialState().next(8).next(0); // cells 0 and 8 taken
        double[] priors = new double[7];
        double v = new ViewEvaluator(view).evaluate(new GameProblem(TicTacToe.instance()), s, s.legalActions(), 7,
                priors, 1);
        assertEquals(0.25, v);
        // legal cells 1..7 carry weights 2..8, summing to 35
        for (int j = 0; j < 7; j++) {
            assertEquals((j + 2) / 35.0, priors[j], 1e-15);
        }
    }
}
