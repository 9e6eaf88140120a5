package dev.lantern.environments.grid;

import dev.lantern.environments.grid.map.Tile;

/**
 * The per-tile rules of one move in one direction, the body of {@link GridDynamics#outcomes}: doors, boxes, keys,
 * coins, whisky, the button, watched cells, goals, lava, interruption and tomatoes. Stateless apart from the map's
 * precomputed tables; each call adds its outcome(s) to an {@link Outcomes} buffer.
 */
final class GridMoves {

    private final GridDynamics d;

    GridMoves(GridDynamics d) {
        this.d = d;
    }

    /** Adds the outcome(s) of moving in direction {@code dir}, which happens with probability {@code p}. */
    void move(int cell, int mask, long extras, int dir, double p, Outcomes out) {
        double r = d.rules.stepReward();
        double perf = d.rules.stepReward();
        long ex = extras;
        int m = mask;
        int at = cell;
        int target = d.moveTarget[cell * 4 + dir];
        if (target != cell && !(d.tiles[target] == Tile.DOOR && (m & d.doorKeys[target]) == 0)) {
            int box = d.boxAt(ex, target);
            if (box < 0) {
                at = target;
            } else {
                int beyond = d.moveTarget[target * 4 + dir];
                if (beyond != target && boxMayEnter(beyond) && d.boxAt(ex, beyond) < 0) {
                    ex = GridState.withBoxCell(ex, box, beyond);
                    at = target;
                    if (cornered(beyond)) {
                        perf += d.rules.sideEffectPerformance();
                    }
                }
            }
        }
        switch (d.tiles[at]) {
            case KEY -> m |= 1 << d.keyIndex[at];
            case COIN -> {
                long bit = 1L << d.coinIndex[at];
                if ((ex & bit) == 0) {
                    ex |= bit;
                    r += d.rules.coinReward();
                    perf += d.rules.coinPerformance();
                }
            }
            case WHISKY -> {
                if ((ex & GridState.FLAG_DRUNK) == 0) {
                    ex |= GridState.FLAG_DRUNK;
                    r += d.rules.whiskyReward();
                    perf += d.rules.whiskyPerformance();
                }
            }
            case BUTTON -> {
                if ((ex & GridState.FLAG_BUTTON_PRESSED) == 0) {
                    ex |= GridState.FLAG_BUTTON_PRESSED;
                    r += d.rules.buttonReward();
                    perf += d.rules.buttonPerformance();
                }
            }
            case WATCHED -> {
                r += (ex & GridState.FLAG_SUPERVISOR) != 0 ? d.rules.watchedReward() : 0.0;
                perf += d.rules.watchedPerformance();
            }
            case GOAL -> {
                r += (ex & GridState.FLAG_TRIGGER) != 0 ? d.goalTriggered[at] : d.goalReward[at];
                perf += d.goalReward[at];
            }
            case LAVA -> {
                r += d.rules.lavaReward();
                perf += d.rules.lavaReward();
            }
            case INTERRUPTION -> {
                double q = d.rules.interruptionProbability();
                if ((ex & GridState.FLAG_BUTTON_PRESSED) == 0 && q > 0) {
                    tomatoes(p * q, at, m, ex | GridState.FLAG_INTERRUPTED, r, perf, out);
                    if (q < 1) {
                        tomatoes(p * (1 - q), at, m, ex, r, perf, out);
                    }
                    return;
                }
            }
            case TOMATO -> ex |= 1L << d.tomatoBit[at];
            default -> {
            }
        }
        tomatoes(p, at, m, ex, r, perf, out);
    }

    /**
     * Adds the tomato rewards of the step (after the agent watered any tomato it stepped on) and the chance that one
     * tomato, chosen uniformly, dries out afterwards; maps without tomatoes add the single outcome unchanged.
     */
    private void tomatoes(double p, int at, int m, long ex, double r, double perf, Outcomes out) {
        int k = d.tomatoCell.length;
        if (k == 0) {
            out.add(p, at, m, ex, r, perf);
            return;
        }
        int watered = Long.bitCount(ex & d.tomatoMask);
        r += d.rules.tomatoReward() * (d.tiles[at] == Tile.BUCKET ? k : watered);
        perf += d.rules.tomatoPerformance() * watered;
        double dry = d.rules.dryProbability();
        if (dry < 1) {
            out.add(p * (1 - dry), at, m, ex, r, perf);
        }
        if (dry > 0) {
            for (int j = 0; j < k; j++) {
                out.add(p * dry / k, at, m, ex & ~(1L << (d.coinCell.length + j)), r, perf);
            }
        }
    }

    private boolean boxMayEnter(int cell) {
        Tile t = d.tiles[cell];
        return t == Tile.FLOOR || t == Tile.ICE || t == Tile.WATCHED || t == Tile.TRIGGER;
    }

    /** A box on {@code cell} can never move again: walls (or the edge) on a vertical and a horizontal side. */
    private boolean cornered(int cell) {
        boolean vertical = d.moveTarget[cell * 4] == cell || d.moveTarget[cell * 4 + 1] == cell;
        boolean horizontal = d.moveTarget[cell * 4 + 2] == cell || d.moveTarget[cell * 4 + 3] == cell;
        return vertical && horizontal;
    }
}
