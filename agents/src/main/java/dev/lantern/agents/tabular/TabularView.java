package dev.lantern.agents.tabular;

import dev.lantern.agents.api.ActionValueView;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * A frozen Q-table seen through observations: each state in the table is encoded as the world would show it, so an
 * observation is looked up exactly. With one-hot or symbolic observations every state has its own observation; with
 * an egocentric window several states can look alike and the first one in the table answers. Observations of states
 * the table never visited get Q = 0 for every action (the table's initial value).
 */
public final class TabularView implements ActionValueView {

    private final QTable table;
    private final int inputSize;
    private final Map<FloatBuffer, GridState> states = new HashMap<>();

    TabularView(QTable table, GridWorld world) {
        this.table = table;
        this.inputSize = world.spec().observationSize();
        for (GridState s : table.states()) {
            float[] obs = new float[inputSize];
            world.encode(s, obs, 0);
            states.putIfAbsent(FloatBuffer.wrap(obs), s);
        }
    }

    /** The table (a private copy). */
    public QTable table() {
        return table;
    }

    @Override
    public int actionCount() {
        return QTable.ACTIONS;
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public void actionValues(float[] observations, int count, double[] qValues) {
        for (int i = 0; i < count; i++) {
            GridState s = states.get(FloatBuffer.wrap(observations, i * inputSize, inputSize).slice());
            double[] q = s == null ? new double[QTable.ACTIONS] : table.q(s);
            System.arraycopy(q, 0, qValues, i * QTable.ACTIONS, QTable.ACTIONS);
        }
    }
}
