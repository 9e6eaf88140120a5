package dev.lantern.app.lab;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.Tile;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The tree view's {@link TreePositions} for a grid world: actions named up / down / right / left, a node's state drawn
 * as the map with the agent where the state puts it (keys it holds no longer lying), with its cell and keys written
 * under it.
 */
public final class GridPositions {

    /** The side of the map drawn in the side panel, in pixels (its longer side). */
    static final double SIDE = 220;

    private GridPositions() {
    }

    /** The positions of {@code world}'s states, without a network. */
    public static TreePositions<GridState> of(GridWorld world) {
        GridMap map = world.map();
        return new TreePositions<>(a -> a >= 0 && a < GridWorld.ACTION_LABELS.size() ? GridWorld.ACTION_LABELS.get(a)
                : "a" + a, s -> board(map, s), null, null);
    }

    /** The map with the agent at {@code s}, and a line naming the state. */
    static VBox board(GridMap map, GridState s) {
        double cell = Math.floor(SIDE / Math.max(map.height(), map.width()));
        Canvas canvas = new Canvas(cell * map.width(), cell * map.height());
        GraphicsContext g = canvas.getGraphicsContext2D();
        GridPainter paint = new GridPainter(g, cell);
        for (int r = 0; r < map.height(); r++) {
            for (int c = 0; c < map.width(); c++) {
                Tile tile = map.tile(r, c);
                Color fill = switch (tile) {
                    case WALL -> GridView.WALL;
                    case GOAL -> GridView.GOAL;
                    case LAVA -> GridView.LAVA;
                    default -> GridView.NO_VALUE;
                };
                paint.tile(tile, r, c, fill, tile == Tile.KEY && (s.keysMask() & (1 << map.keyIndex(r, c))) == 0);
            }
        }
        paint.gridLines(map.height(), map.width());
        paint.agent(s, List.of());
        return new VBox(4, canvas, new Label("agent at (" + s.row() + ", " + s.col() + "), keys mask "
                + s.keysMask()));
    }
}
