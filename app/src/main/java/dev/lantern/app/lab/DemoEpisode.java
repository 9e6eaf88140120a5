package dev.lantern.app.lab;

import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.Cell;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent the grid view shows walking: a private world stepped one move at a time, always taking the most probable
 * action of the latest {@link PolicyFrame} in its state. An episode ends at a goal or lava, at the world's time limit,
 * or after {@code maxSteps} moves (a greedy policy can loop forever); the agent then rests one tick where it ended and
 * starts over. Not thread-safe; used on the FX thread.
 */
final class DemoEpisode {

    private final GridWorld world;
    private final int maxSteps;
    private final List<Cell> trail = new ArrayList<>();
    private boolean resting;
    private double episodeReturn;
    private int episodes;
    private double lastReturn = Double.NaN;

    /**
     * @param world    a world nobody else steps
     * @param maxSteps the most moves per demo episode, {@code > 0}
     */
    DemoEpisode(GridWorld world, int maxSteps) {
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("maxSteps must be > 0, got " + maxSteps);
        }
        this.world = world;
        this.maxSteps = maxSteps;
        restart();
    }

    /**
     * One tick: a move by the greedy action of {@code frame} (none if the frame is null or lacks the state), or,
     * after an episode ended, a rest and then a fresh start.
     *
     * @return the action taken, or -1 if the agent did not move
     */
    int tick(PolicyFrame frame) {
        if (resting) {
            restart();
            return -1;
        }
        if (frame == null) {
            return -1;
        }
        GridState s = world.state();
        int action = frame.greedyAction(s.row(), s.col(), frame.displayMask(s.keysMask()));
        if (action < 0) {
            return -1;
        }
        world.stepInPlace(action);
        episodeReturn += world.lastReward();
        trail.add(world.state().cell());
        if (world.episodeOver() || world.stepsTaken() >= maxSteps) {
            resting = true;
            episodes++;
            lastReturn = episodeReturn;
        }
        return action;
    }

    /** Where the agent is, and which keys it holds. */
    GridState state() {
        return world.state();
    }

    /** The cells visited in this episode, start first (a copy). */
    List<Cell> trail() {
        return List.copyOf(trail);
    }

    /** Whether the episode just ended and the agent rests before starting over. */
    boolean resting() {
        return resting;
    }

    /** Demo episodes finished. */
    int episodes() {
        return episodes;
    }

    /** The return of the last finished demo episode (NaN before the first). */
    double lastReturn() {
        return lastReturn;
    }

    private void restart() {
        world.resetInPlace(0);
        trail.clear();
        trail.add(world.state().cell());
        resting = false;
        episodeReturn = 0;
    }
}
