package dev.lantern.analysis.circuits;

import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.Tile;

/**
 * What {@link StateField#value} needs of a batch beyond each {@code GridState}, computed once: the decision states and
 * the keys that open a door.
 *
 * @param states   the batch
 * @param decision {@link StateBatch#decisionStates()} (shared, never written)
 * @param doorKeys the keys mask of every key whose colour some door of the map has
 */
record StateFacts(StateBatch states, boolean[] decision, int doorKeys) {

    /** The facts of {@code states}. */
    static StateFacts of(StateBatch states) {
        GridMap map = states.world().map();
        boolean[] doorColour = new boolean[GridMap.MAX_COLOURS];
        for (int r = 0; r < map.height(); r++) {
            for (int c = 0; c < map.width(); c++) {
                if (map.tile(r, c) == Tile.DOOR) {
                    doorColour[map.colour(r, c)] = true;
                }
            }
        }
        int doorKeys = 0;
        for (int i = 0; i < map.keyCount(); i++) {
            Cell k = map.keyCells().get(i);
            if (doorColour[map.colour(k.row(), k.col())]) {
                doorKeys |= 1 << i;
            }
        }
        return new StateFacts(states, states.decisionStates(), doorKeys);
    }
}
