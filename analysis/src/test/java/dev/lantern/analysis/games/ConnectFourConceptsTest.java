package dev.lantern.analysis.games;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lantern.analysis.circuits.Concept;
import dev.lantern.analysis.search.AlphaBetaPositions;
import dev.lantern.analysis.search.ConnectFourPlay;
import dev.lantern.analysis.search.ExactPosition;
import dev.lantern.analysis.search.LabelledPositions;
import dev.lantern.environments.board.AlphaBeta;
import dev.lantern.environments.board.ConnectFour;
import dev.lantern.environments.board.Game;
import dev.lantern.environments.board.GameState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectFourConceptsTest {

    private static Map<String, Double> concepts(GameState s) {
        ExactPosition p = AlphaBetaPositions.label(new AlphaBeta(3), s);
        LabelledPositions one = new LabelledPositions() {
            @Override
            public Game game() {
                return ConnectFour.instance();
            }

            @Override
            public List<ExactPosition> positions() {
                return List.of(p);
            }

            @Override
            public String reference() {
                return "alpha-beta depth 3";
            }

            @Override
            public String description() {
                return "one position";
            }
        };
        Map<String, Double> out = new LinkedHashMap<>();
        for (Concept c : ConnectFourConcepts.builtIn(one)) {
            out.put(c.name(), c.values()[0]);
        }
        return out;
    }

    @Test
    void threeOnTheBottomRowIsAWinNowAndThreeAboveIsAThreatNotYetPlayable() {
        // x on columns 0, 1, 2 of the bottom row, o on top of each; x to move
        Map<String, Double> c = concepts(ConnectFourPlay.after(0, 0, 1, 1, 2, 2));
        assertEquals(1.0, c.get("win now"));
        assertEquals(0.0, c.get("opponent win now"), "o's cell (column 3, second row) is not playable yet");
        assertEquals(0.0, c.get("threats (to move)"), "x's completing cell is playable: a win now, not a threat");
        assertEquals(1.0, c.get("threats (opponent)"));
        assertEquals(0.0, c.get("centre col (to move)"));
        assertEquals(3.0, c.get("stones x"));
        assertEquals(3.0, c.get("stones o"));
        assertEquals(1.0, c.get("alpha-beta value"));
    }

    @Test
    void theSidesAreRelativeToTheMover() {
        // the same stones plus x on column 4's bottom cell: o to move, and x (now the opponent) wins in column 3
        GameState s = ConnectFourPlay.after(0, 0, 1, 1, 2, 2, 4);
        Map<String, Double> c = concepts(s);
        assertEquals(0.0, c.get("win now"), "o cannot win at once");
        assertEquals(1.0, c.get("opponent win now"), "x threatens column 3 on the bottom row");
        assertEquals(1.0, c.get("threats (to move)"), "o's cell above column 3 is not playable yet");
        assertEquals(0.0, c.get("centre col (opponent)"));
        assertEquals(4.0, c.get("stones x"));
        assertEquals(3.0, c.get("stones o"));
    }
}
