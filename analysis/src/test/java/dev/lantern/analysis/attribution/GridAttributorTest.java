package dev.lantern.analysis.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.agents.nn.ActorCriticNet;
import dev.lantern.environments.grid.GridChannels;
import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridState;
import dev.lantern.environments.grid.GridWorld;
import dev.lantern.environments.registry.EnvRegistry;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Egocentric and symbolic observations mapped back onto the map and the named features, on hand-built networks. */
class GridAttributorTest {

    private static final GridWorld FOUR_ROOMS = (GridWorld) EnvRegistry.make("grid/four-rooms-v1");

    @Test
    void egocentricAttributionLandsOnTheMapCellsInViewAndOffMapWallsAreCountedApart() {
        GridWorld world = new GridWorld("ego", FOUR_ROOMS.map(), 100, GridObservation.egocentric(5));
        int window = 25;
        // value = 1.5 tanh(tanh(0.9 * wall at window cell (0, 0) + 0.7 * wall at window cell (1, 2)))
        ActorCriticNet net = handBuilt(world.spec().observationSize(),
                new int[] {GridChannels.WALL * window + 0, GridChannels.WALL * window + 1 * 5 + 2}, new double[] {0.9, 0.7});
        GridAttributor grid = new GridAttributor(world, new Attributor(net.inspect()));
        GridState corner = new GridState(1, 1, 0); // window (0, 0) is off the map (row -1, col -1)
        GridAttribution g = grid.integratedGradients(corner, AttributedOutput.valueOf(net.inspect()),
                Baselines.Kind.ZEROS, Attributor.DEFAULT_STEPS);
        double[] cells = g.cells();
        int w = world.map().width();
        int inView = 0;
        for (int c = 0; c < cells.length; c++) {
            int r = c / w;
            int col = c % w;
            boolean visible = Math.abs(r - 1) <= 2 && Math.abs(col - 1) <= 2;
            assertEquals(visible, !Double.isNaN(cells[c]), "cell " + r + "," + col);
            inView += visible ? 1 : 0;
        }
        assertEquals(16, inView, "a 5 x 5 window at (1, 1) spans rows and cols -1..3: 4 x 4 on the map");
        int designed = 0 * w + 1; // window (1, 2) is map (0, 1), the top wall
        assertTrue(g.offMap() > 0, "window (0, 0) is off the map, read as wall: " + g.offMap());
        assertTrue(cells[designed] > 0, "the designed wall cell: " + cells[designed]);
        for (int c = 0; c < cells.length; c++) {
            if (c != designed && !Double.isNaN(cells[c])) {
                assertEquals(0.0, cells[c], 0.0, "cell " + c + " is not read by the network");
            }
        }
        double sum = g.offMap();
        for (double v : cells) {
            sum += Double.isNaN(v) ? 0 : v;
        }
        assertEquals(g.attribution().sum(), sum, 1e-12, "the cells and the off-map part add up to the total");
    }

    @Test
    void symbolicAttributionIsPerNamedFeature() {
        GridWorld world = new GridWorld("sym", FOUR_ROOMS.map(), 100, GridObservation.symbolic());
        int height = world.map().height();
        int col3 = height + 3;
        ActorCriticNet net = handBuilt(world.spec().observationSize(), new int[] {col3}, new double[] {0.9});
        GridAttributor grid = new GridAttributor(world, new Attributor(net.inspect()));
        assertEquals(world.spec().observationSize(), world.featureNames().size());
        assertEquals("col 3", world.featureNames().get(col3));
        GridState s = new GridState(2, 3, 0);
        GridAttribution g = grid.integratedGradients(s, AttributedOutput.valueOf(net.inspect()),
                Baselines.Kind.WITHOUT_AGENT, Attributor.DEFAULT_STEPS);
        assertEquals(0, g.cells().length);
        assertEquals(1.5 * Math.tanh(Math.tanh(0.9)), g.feature("col 3"), 1e-12);
        for (int i = 0; i < g.names().size(); i++) {
            if (i != col3) {
                assertEquals(0.0, g.attribution().value(i), 0.0, g.names().get(i));
            }
        }
    }

    /** value = 1.5 tanh(tanh(sum_k weights[k] x[inputs[k]])), every other weight and bias 0. */
    private static ActorCriticNet handBuilt(int inputSize, int[] inputs, double[] weights) {
        ActorCriticNet net = ActorCriticNet.create(inputSize, 4, new int[] {2, 2}, 1e-3, 0, 1, DataType.DOUBLE);
        for (String layer : ActorCriticNet.LAYERS) {
            net.graph().getLayer(layer).getParam("W").assign(0);
            net.graph().getLayer(layer).getParam("b").assign(0);
        }
        for (int k = 0; k < inputs.length; k++) {
            net.graph().getLayer("torso.dense0").getParam("W").putScalar(inputs[k], 0, weights[k]);
        }
        net.graph().getLayer("torso.dense1").getParam("W").putScalar(0, 0, 1.0);
        net.graph().getLayer("value.out").getParam("W").putScalar(0, 0, 1.5);
        return net;
    }
}
