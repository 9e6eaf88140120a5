package dev.lantern.environments.grid.map;

import java.util.ArrayDeque;
import java.util.BitSet;

/** The parser's reachability check: can the agent get from the start to some goal at all. */
final class GoalSearch {

    private GoalSearch() {
    }

    /**
     * Breadth-first search over (cell, colours of the keys held); lava and walls are impassable, a door needs a key of
     * its colour. Boxes are ignored (treated as floor).
     *
     * @param tiles   row-major, {@code height * width}; unknown and missing cells are given as walls
     * @param colour  the colour id (an index below {@code colours}) of every key and door cell
     * @param colours how many colours the map uses, at most {@link GridMap#MAX_COLOURS}
     */
    static boolean goalReachable(Tile[] tiles, int[] colour, int colours, int height, int width, int startRow,
            int startCol) {
        int masks = 1 << colours;
        BitSet seen = new BitSet(tiles.length * masks);
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        int start = startRow * width + startCol;
        seen.set(start * masks);
        queue.add(new int[] {start, 0});
        int[] dr = {-1, 1, 0, 0};
        int[] dc = {0, 0, 1, -1};
        while (!queue.isEmpty()) {
            int[] s = queue.poll();
            int cell = s[0];
            int held = s[1];
            if (tiles[cell] == Tile.GOAL) {
                return true;
            }
            int r = cell / width;
            int c = cell % width;
            for (int a = 0; a < 4; a++) {
                int nr = r + dr[a];
                int nc = c + dc[a];
                if (nr < 0 || nr >= height || nc < 0 || nc >= width) {
                    continue;
                }
                int next = nr * width + nc;
                Tile t = tiles[next];
                if (t == Tile.WALL || t == Tile.LAVA || (t == Tile.DOOR && (held & (1 << colour[next])) == 0)) {
                    continue;
                }
                int nextHeld = t == Tile.KEY ? held | (1 << colour[next]) : held;
                if (!seen.get(next * masks + nextHeld)) {
                    seen.set(next * masks + nextHeld);
                    queue.add(new int[] {next, nextHeld});
                }
            }
        }
        return false;
    }
}
