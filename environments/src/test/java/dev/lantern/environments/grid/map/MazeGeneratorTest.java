package dev.lantern.environments.grid.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.solve.GridSolution;
import dev.lantern.environments.grid.solve.ValueIteration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MazeGeneratorTest {

    @Test
    void levelsAreDeterministicValidAndPerfect() {
        for (int i = 0; i < 30; i++) {
            GridMap a = MazeGenerator.trainLevel(11, 15, i);
            assertEquals(a.text(), MazeGenerator.trainLevel(11, 15, i).text());
            GridWorld w = new GridWorld("maze", a);
            GridSolution sol = ValueIteration.solve(w, 1.0);
            assertTrue(sol.converged());
            int free = w.freeCells().size();
            int rooms = (11 / 2) * (15 / 2);
            assertEquals(2 * rooms - 1, free, "a perfect maze: rooms plus one opening per tree edge");
            for (Cell c : w.freeCells()) {
                if (a.tile(c) == Tile.GOAL) {
                    continue;
                }
                assertTrue(sol.value(new GridState(c.row(), c.col(), 0)) > 0, "every cell reaches the goal");
            }
        }
    }

    @Test
    void trainAndTestLevelsUseDisjointSeeds() {
        Set<String> train = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            train.add(MazeGenerator.trainLevel(9, 9, i).name());
        }
        for (int i = 0; i < 50; i++) {
            assertTrue(!train.contains(MazeGenerator.testLevel(9, 9, i).name()));
        }
        assertNotEquals(MazeGenerator.trainLevel(15, 15, 0).text(), MazeGenerator.testLevel(15, 15, 0).text());
        assertThrows(IllegalArgumentException.class, () -> MazeGenerator.generate(10, 11, 0));
        assertThrows(IllegalArgumentException.class, () -> MazeGenerator.trainLevel(11, 11, -1));
    }
}
