package dev.lantern.app.lab;

import dev.lantern.agents.api.ActionValueView;
import dev.lantern.agents.api.PolicyValueView;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.grid.map.Cell;
import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.solve.GridSolution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The states a {@link PolicyFrame} covers, with their observations encoded once, and the evaluation of a network's
 * view over all of them in one batch: what the live feed does for every snapshot and the timeline scrubber for every
 * checkpoint. Drawn states: every non-terminal free cell, for keys mask 0 and (on maps with keys) the mask with all
 * keys, wherever value iteration's state space contains the state. Immutable after construction; {@link #frame} may
 * be called from any thread (each call on its own view).
 */
final class FrameStates {

    private final int height;
    private final int width;
    private final int[] masks;
    private final int[][] stateCells; // [mask index][state] -> row * width + col
    private final float[] observations; // all states of all masks, back to back
    private final List<GridState> drawn = new ArrayList<>(); // in the order of observations
    private final int stateCount;

    /** The drawn states of {@code run}'s world, encoded with its observation. */
    FrameStates(RunInfo run) {
        GridWorld world = run.newWorld();
        GridMap map = run.map();
        GridSolution truth = run.groundTruth();
        height = map.height();
        width = map.width();
        int obsSize = world.spec().observationSize();
        int fullMask = (1 << map.keyCount()) - 1;
        masks = fullMask == 0 ? new int[] {0} : new int[] {0, fullMask};
        stateCells = new int[masks.length][];
        List<float[]> chunks = new ArrayList<>();
        int count = 0;
        for (int m = 0; m < masks.length; m++) {
            List<Integer> cells = new ArrayList<>();
            for (Cell c : world.freeCells()) {
                GridState s = new GridState(c.row(), c.col(), masks[m]);
                if (!map.tile(c).isTerminal() && truth.contains(s)) {
                    cells.add(c.row() * width + c.col());
                    float[] obs = new float[obsSize];
                    world.encode(s, obs, 0);
                    chunks.add(obs);
                    drawn.add(s);
                }
            }
            stateCells[m] = cells.stream().mapToInt(Integer::intValue).toArray();
            count += cells.size();
        }
        stateCount = count;
        observations = new float[stateCount * obsSize];
        for (int i = 0; i < chunks.size(); i++) {
            System.arraycopy(chunks.get(i), 0, observations, i * obsSize, obsSize);
        }
    }

    /** Number of drawn states over all masks. */
    int stateCount() {
        return stateCount;
    }

    /**
     * Evaluates every drawn state with {@code view} in one batch (the view's thread) and makes the frame; a
     * Q-learner's view ({@link ActionValueView}) adds its action values.
     */
    PolicyFrame frame(PolicyValueView view, long sequence, long updates, long envSteps) {
        int actions = view.actionCount();
        double[] probs = new double[stateCount * actions];
        double[] vals = new double[stateCount];
        view.evaluateForDisplay(observations, stateCount, probs, vals);
        double[] qs = null;
        if (view instanceof ActionValueView q) {
            qs = new double[stateCount * actions];
            q.actionValues(observations, stateCount, qs);
        }
        return assemble(probs, vals, qs, actions, sequence, updates, envSteps);
    }

    /**
     * The frame of a planner from the searches it already ran ({@link SearchCapture}): each drawn state the agent has
     * searched from shows its latest search's root visit shares and value, the others nothing (NaN). Nothing is
     * searched here: one search per drawn state per frame would cost thousands of times the agent's own work.
     */
    PolicyFrame frame(SearchCapture searches, long sequence, long updates, long envSteps) {
        int actions = SearchCapture.ACTIONS;
        double[] probs = new double[stateCount * actions];
        double[] vals = new double[stateCount];
        for (int i = 0; i < stateCount; i++) {
            SearchCapture.RootResult r = searches.result(drawn.get(i));
            if (r == null) {
                Arrays.fill(probs, i * actions, (i + 1) * actions, Double.NaN);
                vals[i] = Double.NaN;
            } else {
                System.arraycopy(r.visitShares(), 0, probs, i * actions, actions);
                vals[i] = r.value();
            }
        }
        return assemble(probs, vals, null, actions, sequence, updates, envSteps);
    }

    private PolicyFrame assemble(double[] probs, double[] vals, double[] qs, int actions, long sequence,
            long updates, long envSteps) {
        double[][] p = new double[masks.length][height * width * actions];
        double[][] v = new double[masks.length][height * width];
        double[][] qv = qs == null ? null : new double[masks.length][height * width * actions];
        int s = 0;
        for (int m = 0; m < masks.length; m++) {
            Arrays.fill(p[m], Double.NaN);
            Arrays.fill(v[m], Double.NaN);
            if (qv != null) {
                Arrays.fill(qv[m], Double.NaN);
            }
            for (int cell : stateCells[m]) {
                v[m][cell] = vals[s];
                System.arraycopy(probs, s * actions, p[m], cell * actions, actions);
                if (qv != null) {
                    System.arraycopy(qs, s * actions, qv[m], cell * actions, actions);
                }
                s++;
            }
        }
        return new PolicyFrame(sequence, updates, envSteps, height, width, actions, masks, p, v, qv);
    }
}
