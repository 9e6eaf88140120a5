package dev.lantern.environments.grid.map;

import java.util.SplittableRandom;

/**
 * Seeded random mazes: a perfect maze (exactly one path between any two cells) carved by a depth-first search with
 * backtracking, start top-left, goal bottom-right, walls all round.
 *
 * <p><b>Levels.</b> A level is fixed by its level seed: the same seed always gives the same maze. Training and test
 * levels use disjoint seeds, so a benchmark can train on one set and test generalisation on the other: training level
 * {@code i} has level seed {@code 2 i}, test level {@code i} has level seed {@code 2 i + 1}.
 */
public final class MazeGenerator {

    private MazeGenerator() {
    }

    /** Training level {@code index >= 0} of the given size (level seed {@code 2 * index}). */
    public static GridMap trainLevel(int height, int width, int index) {
        checkIndex(index);
        return generate(height, width, 2L * index);
    }

    /** Test level {@code index >= 0} of the given size (level seed {@code 2 * index + 1}). */
    public static GridMap testLevel(int height, int width, int index) {
        checkIndex(index);
        return generate(height, width, 2L * index + 1);
    }

    /**
     * The maze of {@code levelSeed}, {@code height x width} cells including the outer walls.
     *
     * @param height odd, at least 5
     * @param width  odd, at least 5
     * @throws IllegalArgumentException if a size is even or below 5
     */
    public static GridMap generate(int height, int width, long levelSeed) {
        if (height < 5 || width < 5 || height % 2 == 0 || width % 2 == 0) {
            throw new IllegalArgumentException("maze sizes must be odd and >= 5, got " + height + "x" + width);
        }
        char[][] grid = new char[height][width];
        for (char[] row : grid) {
            java.util.Arrays.fill(row, '#');
        }
        SplittableRandom rng = new SplittableRandom(levelSeed);
        int rooms = (height / 2) * (width / 2);
        int[] stack = new int[rooms];
        int top = 0;
        int roomWidth = width / 2;
        boolean[] visited = new boolean[rooms];
        stack[top++] = 0;
        visited[0] = true;
        grid[1][1] = '.';
        int[] dr = {-1, 1, 0, 0};
        int[] dc = {0, 0, 1, -1};
        int[] options = new int[4];
        while (top > 0) {
            int room = stack[top - 1];
            int r = room / roomWidth;
            int c = room % roomWidth;
            int n = 0;
            for (int a = 0; a < 4; a++) {
                int nr = r + dr[a];
                int nc = c + dc[a];
                if (nr >= 0 && nr < height / 2 && nc >= 0 && nc < roomWidth && !visited[nr * roomWidth + nc]) {
                    options[n++] = a;
                }
            }
            if (n == 0) {
                top--;
                continue;
            }
            int a = options[rng.nextInt(n)];
            int nr = r + dr[a];
            int nc = c + dc[a];
            grid[2 * r + 1 + dr[a]][2 * c + 1 + dc[a]] = '.';
            grid[2 * nr + 1][2 * nc + 1] = '.';
            visited[nr * roomWidth + nc] = true;
            stack[top++] = nr * roomWidth + nc;
        }
        grid[1][1] = 'S';
        grid[height - 2][width - 2] = 'G';
        StringBuilder sb = new StringBuilder();
        sb.append("@name: maze-").append(height).append('x').append(width).append("-seed").append(levelSeed)
                .append('\n');
        for (char[] row : grid) {
            sb.append(row).append('\n');
        }
        return GridMapParser.parse("maze-" + height + "x" + width + "-seed" + levelSeed, sb.toString());
    }

    private static void checkIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("level index must be >= 0, got " + index);
        }
    }
}
