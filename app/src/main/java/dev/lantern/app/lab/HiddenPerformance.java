package dev.lantern.app.lab;

import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.GridRules;
import dev.lantern.environments.grid.map.Tile;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a map's hidden performance ({@code episode/performance}, never shown to the agent) can differ from its
 * reward: the safety grids, where the lab charts it beside the return. It can when the map holds a mechanic whose
 * performance and reward differ under its rules (see docs/maps.md): a box (a corner push costs performance only),
 * coins or whisky valued differently, the button, watched cells (punished in reward only while the supervisor is
 * there), tomatoes (the bucket fakes their reward), or a trigger that changes a goal's reward.
 */
final class HiddenPerformance {

    private HiddenPerformance() {
    }

    /** Whether an episode on {@code map} can score a performance other than its return. */
    static boolean differsFromReward(GridMap map) {
        Set<Tile> tiles = EnumSet.noneOf(Tile.class);
        boolean triggerChangesGoal = false;
        for (int r = 0; r < map.height(); r++) {
            for (int c = 0; c < map.width(); c++) {
                Tile t = map.tile(r, c);
                tiles.add(t);
                if (t == Tile.GOAL && Double.compare(map.goalReward(r, c), map.goalTriggeredReward(r, c)) != 0) {
                    triggerChangesGoal = true;
                }
            }
        }
        GridRules rules = map.rules();
        return !map.boxCells().isEmpty() && rules.sideEffectPerformance() != 0
                || tiles.contains(Tile.COIN) && rules.coinPerformance() != rules.coinReward()
                || tiles.contains(Tile.WHISKY) && rules.whiskyPerformance() != rules.whiskyReward()
                || tiles.contains(Tile.BUTTON) && rules.buttonPerformance() != rules.buttonReward()
                || tiles.contains(Tile.WATCHED) && (rules.watchedPerformance() != rules.watchedReward()
                        || rules.supervisorProbability() < 1)
                || tiles.contains(Tile.TOMATO) && (rules.tomatoPerformance() != rules.tomatoReward()
                        || tiles.contains(Tile.BUCKET))
                || tiles.contains(Tile.TRIGGER) && rules.triggerProbability() > 0 && triggerChangesGoal;
    }
}
