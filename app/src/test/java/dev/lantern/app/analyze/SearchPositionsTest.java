package dev.lantern.app.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.analysis.search.AlphaBetaPositions;
import dev.lantern.analysis.search.LabelledPositions;
import dev.lantern.app.config.ConfigException;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.TicTacToe;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class SearchPositionsTest {

    @Test
    void ticTacToeIsEveryPositionAndConnectFourASample() {
        LabelledPositions ttt = SearchPositions.defaults().of(TicTacToe.instance());
        assertEquals(4520, ttt.positions().size());
        assertEquals(4520, ttt.provenCount());
        LabelledPositions c4 = new SearchPositions(12, 3, 1L).of(ConnectFour.instance());
        assertEquals(12, c4.positions().size());
        assertEquals("alpha-beta depth 3", c4.reference());
        assertEquals(3, ((AlphaBetaPositions) c4).depth());
    }

    @Test
    void sampleOptionsForTicTacToeAndAnUnknownGameAreRefusedByName() {
        ConfigException depth = assertThrows(ConfigException.class,
                () -> new SearchPositions(null, 4, null).of(TicTacToe.instance()));
        assertTrue(depth.getMessage().contains("--depth 4"), depth.getMessage());
        ConfigException positions = assertThrows(ConfigException.class,
                () -> new SearchPositions(10, null, null).of(TicTacToe.instance()));
        assertTrue(positions.getMessage().contains("--positions 10"), positions.getMessage());
        Game other = (Game) Proxy.newProxyInstance(Game.class.getClassLoader(), new Class<?>[] {Game.class},
                (proxy, method, args) -> method.getName().equals("id") ? "game/other-v1" : null);
        ConfigException unknown = assertThrows(ConfigException.class, () -> SearchPositions.defaults().of(other));
        assertTrue(unknown.getMessage().contains("game/other-v1"), unknown.getMessage());
    }

    @Test
    void aSampleSeedForTicTacToeIsRefusedNotIgnored() {
        // tic-tac-toe is measured over every position: a seed there would change nothing, so the user is told
        ConfigException seed = assertThrows(ConfigException.class,
                () -> new SearchPositions(null, null, 5L).of(TicTacToe.instance()));
        assertTrue(seed.getMessage().contains("--sample-seed 5"), seed.getMessage());
        assertEquals(4520, new SearchPositions(null, null, null).of(TicTacToe.instance()).positions().size());
    }

    @Test
    void bothBadNumbersAreListedAtOnce() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new SearchPositions(-1, 0, null).of(ConnectFour.instance()));
        assertTrue(e.getMessage().contains("--positions -1") && e.getMessage().contains("--depth 0"),
                e.getMessage());
    }
}
