package dev.lantern.environments.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.registry.EnvRegistry;
import dev.lantern.environments.registry.EveryRegisteredGrid;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The three observation kinds: shapes, contents channel by channel, agreement between encode and observeInto. */
class GridObservationTest {

    private static GridWorld world(String id, GridObservation o) {
        return new GridWorld(id, EnvRegistry.map(id), 200, o);
    }

    @Test
    void egocentricWindowIsACropOfThePlanesWithWallsBeyondTheEdge() {
        GridWorld full = world("grid/four-rooms-v1", GridObservation.oneHot());
        GridWorld ego = world("grid/four-rooms-v1", GridObservation.egocentric(5));
        assertArrayEquals(new int[] {7, 5, 5}, ego.spec().observationShape());
        float[] f = full.reset(0);
        float[] e = ego.reset(0);
        int channels = 7;
        // The agent at (1, 1) is in the window's centre (2, 2); window (i, j) shows map (i - 1, j - 1).
        for (int ch = 0; ch < channels; ch++) {
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    int r = i - 1;
                    int c = j - 1;
                    float expected = r < 0 || c < 0 ? (ch == GridChannels.WALL ? 1f : 0f) : f[(ch * 13 + r) * 13 + c];
                    assertEquals(expected, e[(ch * 5 + i) * 5 + j], 0, "channel " + ch + " at " + i + "," + j);
                }
            }
        }
        assertEquals(1f, e[(GridChannels.AGENT * 5 + 2) * 5 + 2], 0);
    }

    @Test
    void symbolicVectorSaysWhereTheAgentIsAndWhatItHolds() {
        GridWorld sym = world("grid/key-door-v1", GridObservation.symbolic());
        GridMap map = sym.map();
        int size = map.height() + map.width() + map.keyCount() + map.coinCells().size() + map.tomatoCells().size() + 5
                + 2 * map.boxCells().size();
        assertArrayEquals(new int[] {size}, sym.spec().observationShape());
        float[] v = new float[size];
        sym.encode(new GridState(2, 3, 1), v, 0);
        assertEquals(1f, v[2], 0);
        assertEquals(1f, v[map.height() + 3], 0);
        assertEquals(1f, v[map.height() + map.width()], 0, "key 0 held");
        float sum = 0;
        for (float x : v) {
            sum += x;
        }
        assertEquals(3f, sum, 0);
    }

    @EveryRegisteredGrid
    void everyKindAgreesBetweenEncodeAndObserveIntoOnEveryEnvironment(String id) {
        for (GridObservation o : new GridObservation[] {GridObservation.oneHot(), GridObservation.egocentric(7),
            GridObservation.symbolic()}) {
            GridWorld w = world(id, o);
            int n = w.spec().observationSize();
            float[] live = new float[n];
            float[] encoded = new float[n];
            SplittableRandom rng = new SplittableRandom(3);
            w.reset(5);
            for (int t = 0; t < 60 && !w.episodeOver(); t++) {
                w.observeInto(live, 0);
                w.encode(w.state(), encoded, 0);
                assertArrayEquals(live, encoded, id + " " + o.kind() + " step " + t);
                w.stepInPlace(rng.nextInt(4));
            }
            GridWorld copy = w.copy();
            assertEquals(w.spec(), copy.spec());
            assertEquals(o, copy.observation());
        }
    }

    @Test
    void badSettingsAndNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> GridObservation.egocentric(4));
        assertThrows(IllegalArgumentException.class, () -> GridObservation.egocentric(17));
        assertEquals(GridObservation.Kind.EGOCENTRIC, GridObservation.Kind.fromConfigName("egocentric"));
        assertEquals(GridObservation.Kind.ONE_HOT, GridObservation.Kind.fromConfigName("onehot"));
        assertEquals(null, GridObservation.Kind.fromConfigName("pixels"));
    }
}
