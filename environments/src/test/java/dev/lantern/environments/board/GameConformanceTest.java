package dev.lantern.environments.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every registered game keeps, checked by random playouts from many seeds. */
class GameConformanceTest {

    private static final int PLAYOUTS = 300;

    static List<Game> games() {
        return GameRegistry.all();
    }

    @ParameterizedTest
    @MethodSource("games")
    void describesItself(Game game) {
        assertTrue(game.id().matches("game/[a-z-]+-v\\d+"), game.id());
        assertEquals(2, game.numPlayers());
        int[] shape = game.observationShape();
        assertEquals(3, shape.length);
        assertEquals(Game.PLANE_COUNT, shape[0]);
        shape[0] = 99;
        assertEquals(Game.PLANE_COUNT, game.observationShape()[0], "observationShape must return a copy");
        assertEquals(game, GameRegistry.make(game.id()));
        for (int a = 0; a < game.numDistinctActions(); a++) {
            assertFalse(game.actionLabel(a).isBlank());
        }
        assertThrows(IllegalArgumentException.class, () -> game.actionLabel(game.numDistinctActions()));
        assertThrows(IllegalArgumentException.class, () -> game.actionLabel(-1));
        GameState s = game.initialState();
        assertEquals(0, s.currentPlayer());
        assertEquals(0, s.history().length);
        assertFalse(s.isTerminal());
        assertArrayEquals(new double[] {0, 0}, s.returns());
    }

    @ParameterizedTest
    @MethodSource("games")
    void randomPlayoutsKeepInvariants(Game game) {
        int size = game.observationSize();
        int[] shape = game.observationShape();
        int planeSize = shape[1] * shape[2];
        for (long seed = 0; seed < PLAYOUTS; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            GameState s = game.initialState();
            int moves = 0;
            while (!s.isTerminal()) {
                int[] legal = s.legalActions();
                assertTrue(legal.length > 0, "a non-terminal state has legal actions");
                int[] sorted = legal.clone();
                Arrays.sort(sorted);
                assertArrayEquals(sorted, legal, "legal actions are sorted");
                for (int a = -1; a <= game.numDistinctActions(); a++) {
                    assertEquals(Arrays.binarySearch(legal, a) >= 0, s.isLegal(a), "isLegal(" + a + ")");
                }
                assertEquals(moves & 1, s.currentPlayer(), "players alternate");
                assertArrayEquals(new double[] {0, 0}, s.returns());
                checkObservation(s, size, planeSize);

                String render = s.render();
                long key = s.key();
                int[] history = s.history();
                int action = legal[rng.nextInt(legal.length)];
                GameState next = s.next(action);
                assertEquals(render, s.render(), "next() must not change the original");
                assertEquals(render, s.render(), "render is stable");
                assertEquals(key, s.key());
                assertArrayEquals(history, s.history());
                assertNotEquals(key, next.key());
                int[] nextHistory = next.history();
                assertEquals(moves + 1, nextHistory.length);
                assertEquals(action, nextHistory[moves]);
                assertArrayEquals(history, Arrays.copyOf(nextHistory, moves));
                s = next;
                moves++;
            }
            assertEquals(-1, s.currentPlayer());
            assertEquals(0, s.legalActions().length);
            assertEquals(moves, s.history().length);
            double[] r = s.returns();
            assertEquals(0.0, r[0] + r[1], "returns sum to zero");
            assertTrue(r[0] == 0 || Math.abs(r[0]) == 1, Arrays.toString(r));
            checkObservation(s, size, planeSize);
            GameState terminal = s;
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> terminal.next(0));
            assertTrue(e.getMessage().contains("over"), e.getMessage());
        }
    }

    private static void checkObservation(GameState s, int size, int planeSize) {
        for (int player = 0; player < 2; player++) {
            float[] buffer = new float[size + 5];
            Arrays.fill(buffer, 7f);
            s.observe(player, buffer, 2);
            assertEquals(7f, buffer[0]);
            assertEquals(7f, buffer[1]);
            assertEquals(7f, buffer[size + 2]);
            float[] obs = Arrays.copyOfRange(buffer, 2, size + 2);
            assertArrayEquals(obs, s.observation(player));
            int own = 0;
            int opp = 0;
            for (int i = 0; i < planeSize; i++) {
                own += (int) obs[i];
                opp += (int) obs[planeSize + i];
                assertTrue(obs[i] + obs[planeSize + i] <= 1f, "a cell holds at most one stone");
                assertEquals(s.currentPlayer() == 0 ? 1f : 0f, obs[2 * planeSize + i]);
            }
            int n = s.history().length;
            int mine = player == 0 ? (n + 1) / 2 : n / 2;
            assertEquals(mine, own, "own stones of player " + player);
            assertEquals(n - mine, opp, "opponent stones of player " + player);
            long xs = s.render().chars().filter(ch -> ch == 'x').count();
            assertEquals((n + 1) / 2, xs, "render shows player 0's stones");
        }
        GameState state = s;
        assertThrows(IllegalArgumentException.class, () -> state.observe(2, new float[size], 0));
        assertThrows(IllegalArgumentException.class, () -> state.observe(0, new float[size], 1));
    }

    @ParameterizedTest
    @MethodSource("games")
    void illegalActionsAreRejectedNamingTheLegalOnes(Game game) {
        GameState s = game.initialState().next(0);
        String legal = Arrays.toString(s.legalActions());
        for (int bad : new int[] {-1, game.numDistinctActions(), 1000}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.next(bad));
            assertTrue(e.getMessage().contains("illegal action " + bad), e.getMessage());
            assertTrue(e.getMessage().contains(legal), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("games")
    void keysIdentifyPositionsAndStatesCompareByHistory(Game game) {
        Map<Long, String> seen = new HashMap<>();
        for (long seed = 0; seed < 200; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            GameState s = game.initialState();
            while (!s.isTerminal()) {
                String previous = seen.putIfAbsent(s.key(), s.render());
                if (previous != null) {
                    assertEquals(previous, s.render(), "equal keys, different positions");
                }
                int[] legal = s.legalActions();
                s = s.next(legal[rng.nextInt(legal.length)]);
            }
        }
        GameState a = game.initialState().next(1).next(2);
        GameState b = game.initialState().next(1).next(2);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, game.initialState().next(2));
    }
}
