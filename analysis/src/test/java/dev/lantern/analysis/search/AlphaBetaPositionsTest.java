package dev.lantern.analysis.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.board.AlphaBeta;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.GameState;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlphaBetaPositionsTest {

    @Test
    void aPositionWithOneImmediateWinHasExactlyThatBestMove() {
        // x on columns 0, 1, 2 of the bottom row, o on top of each: x to move wins at once in column 3 only
        GameState s = ConnectFourPlay.after(0, 0, 1, 1, 2, 2);
        ExactPosition p = AlphaBetaPositions.label(new AlphaBeta(4), s);
        assertArrayEquals(new int[] {3}, p.bestMoves());
        assertTrue(p.proven());
        assertEquals(1.0, p.value());
        assertEquals(1 - AlphaBeta.WIN_DECAY_PER_PLY, p.actionValues()[3]);
    }

    @Test
    void aPositionWhereEveryMoveLosesButOneIsProvenAndPicksTheBlock() {
        // o to move after x threatens column 3 on the bottom row: only blocking there avoids the loss at once
        GameState s = ConnectFourPlay.after(0, 0, 1, 1, 2);
        ExactPosition p = AlphaBetaPositions.label(new AlphaBeta(2), s);
        assertArrayEquals(new int[] {3}, p.bestMoves(), "values " + java.util.Arrays.toString(p.actionValues()));
        for (int c : new int[] {0, 1, 2, 4, 5, 6}) {
            assertTrue(p.actionValues()[c] < -AlphaBeta.PROVEN_THRESHOLD, "column " + c + " loses at once");
        }
    }

    @Test
    void nearEndPositionsAreProvenAndAgreeWithASearchToTheEnd() {
        AlphaBeta full = new AlphaBeta(42);
        int checked = 0;
        int draws = 0;
        for (GameState s : AlphaBetaPositions.sampleStates(150, 3)) {
            if (s.history().length < 30) {
                continue;
            }
            // the horizon just reaches the full board: proven whatever the outcome, a draw included
            ExactPosition p = AlphaBetaPositions.label(new AlphaBeta(42 - s.history().length), s);
            draws += p.value() == 0 ? 1 : 0;
            assertTrue(p.proven(), "stones + depth >= 42 is proven:\n" + p.state().render());
            ExactPosition exact = AlphaBetaPositions.label(full, p.state());
            assertArrayEquals(exact.bestMoves(), p.bestMoves(), p.state().render());
            assertEquals(exact.value(), p.value(), p.state().render());
            assertArrayEquals(exact.actionValues(), p.actionValues(), 0.0, p.state().render());
            checked++;
        }
        assertTrue(checked >= 5, "only " + checked + " near-end positions in the sample");
        assertTrue(draws >= 1, "no drawn near-end position among " + checked);
    }

    @Test
    void provenWinsAndLossesBeforeTheEndAgreeWithADeeperSearch() {
        AlphaBetaPositions sample = AlphaBetaPositions.sample(60, 5, 4);
        AlphaBeta deeper = new AlphaBeta(11);
        int checked = 0;
        for (ExactPosition p : sample.positions()) {
            if (!p.proven() || p.value() == 0 || p.state().history().length + 5 >= 42) {
                continue;
            }
            ExactPosition d = AlphaBetaPositions.label(deeper, p.state());
            assertArrayEquals(d.bestMoves(), p.bestMoves(), p.state().render());
            assertEquals(d.value(), p.value(), p.state().render());
            checked++;
        }
        assertTrue(checked >= 5, "only " + checked + " proven wins or losses in the sample");
    }

    @Test
    void theSampleIsStratifiedNonTerminalDistinctAndSeeded() {
        List<GameState> a = AlphaBetaPositions.sampleStates(61, 7);
        assertEquals(61, a.size());
        Set<Long> keys = new HashSet<>();
        int[] strata = new int[3];
        for (GameState s : a) {
            assertFalse(s.isTerminal());
            assertTrue(keys.add(s.key()), "a position twice:\n" + s.render());
            strata[s.history().length / 14]++;
        }
        assertArrayEquals(new int[] {21, 20, 20}, strata);
        assertEquals(keys(a), keys(AlphaBetaPositions.sampleStates(61, 7)));
        assertNotEquals(keys(a), keys(AlphaBetaPositions.sampleStates(61, 8)));
    }

    @Test
    void anOracleWithTheLabelsScoresPerfectlyOnAllAndOnTheProvenPositions() {
        AlphaBetaPositions sample = AlphaBetaPositions.sample(45, 4, 5);
        SearchReport r = new SearchIntrospection(ConnectFour.instance(), 1, 1.5)
                .measure(sample, new ExactOracle(sample.positions(), true));
        SearchSummary all = r.summary();
        SearchSummary proven = r.proven();
        assertEquals(45, all.positions());
        assertEquals(sample.provenCount(), proven.positions());
        assertTrue(proven.positions() > 0 && proven.positions() < 45, "proven " + proven.positions());
        for (SearchSummary s : List.of(all, proven)) {
            assertEquals(1.0, s.networkAccuracy());
            assertEquals(0.0, s.networkValueError());
            assertTrue(s.priorSumError() < 1e-12, "prior sums off by " + s.priorSumError());
        }
        // an oracle that knows nothing (uniform prior, value 0) is wrong somewhere and off in value
        SearchSummary blind = new SearchIntrospection(ConnectFour.instance(), 1, 1.5)
                .measure(sample, new ExactOracle(List.of(), true)).summary();
        assertTrue(blind.networkAccuracy() < 1, "accuracy " + blind.networkAccuracy());
        assertTrue(blind.networkValueError() > 0.05, "value error " + blind.networkValueError());
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AlphaBetaPositions.sampleStates(0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> AlphaBetaPositions.sampleStates(AlphaBetaPositions.MAX_POSITIONS + 1, 1));
        assertThrows(IllegalArgumentException.class, () -> AlphaBetaPositions.sample(10, 0, 1));
    }

    private static List<Long> keys(List<GameState> states) {
        return states.stream().map(GameState::key).toList();
    }
}
