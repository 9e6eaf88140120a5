package dev.lantern.environments.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes one observation kind ({@link GridObservation}) of a grid state into a caller's buffer, without allocating. */
abstract class ObservationEncoder {

    /** The observation's shape. */
    abstract int[] shape();

    /** Writes the observation of state (cell, mask, extras) at {@code offset}: exactly the product of the shape. */
    abstract void encode(int cell, int mask, long extras, float[] buffer, int offset);

    /** A name per feature: {@code "plane 2 (row 1, col 3)"} for planes (window rows and columns), symbols by meaning. */
    List<String> featureNames() {
        int[] shape = shape();
        List<String> names = new ArrayList<>();
        for (int ch = 0; ch < shape[0]; ch++) {
            for (int r = 0; r < shape[1]; r++) {
                for (int c = 0; c < shape[2]; c++) {
                    names.add("plane " + ch + " (row " + r + ", col " + c + ")");
                }
            }
        }
        return names;
    }

    static ObservationEncoder of(GridObservation o, GridDynamics d, GridPlanes planes) {
        return switch (o.kind()) {
            case ONE_HOT -> new Full(d, planes);
            case EGOCENTRIC -> new Egocentric(d, planes, o.viewSize());
            case SYMBOLIC -> new Symbolic(d);
        };
    }

    /** The full planes. */
    private static final class Full extends ObservationEncoder {
        private final GridDynamics d;
        private final GridPlanes planes;

        Full(GridDynamics d, GridPlanes planes) {
            this.d = d;
            this.planes = planes;
        }

        @Override
        int[] shape() {
            return new int[] {d.channels, d.height, d.width};
        }

        @Override
        void encode(int cell, int mask, long extras, float[] buffer, int offset) {
            planes.encode(cell, mask, extras, buffer, offset);
        }
    }

    /** The planes cropped to a window centred on the agent; off-map cells are walls. */
    private static final class Egocentric extends ObservationEncoder {
        private final GridDynamics d;
        private final GridPlanes planes;
        private final int k;
        /** Full planes per thread: encoders are shared by every copy of a world, copies may live on other threads. */
        private final ThreadLocal<float[]> scratch;

        Egocentric(GridDynamics d, GridPlanes planes, int k) {
            this.d = d;
            this.planes = planes;
            this.k = k;
            this.scratch = ThreadLocal.withInitial(() -> new float[d.observationSize]);
        }

        @Override
        int[] shape() {
            return new int[] {d.channels, k, k};
        }

        @Override
        void encode(int cell, int mask, long extras, float[] buffer, int offset) {
            float[] full = scratch.get();
            planes.encode(cell, mask, extras, full, 0);
            int row0 = cell / d.width - k / 2;
            int col0 = cell % d.width - k / 2;
            int window = k * k;
            Arrays.fill(buffer, offset, offset + d.channels * window, 0f);
            for (int i = 0; i < k; i++) {
                int r = row0 + i;
                for (int j = 0; j < k; j++) {
                    int c = col0 + j;
                    int w = i * k + j;
                    if (r < 0 || r >= d.height || c < 0 || c >= d.width) {
                        buffer[offset + GridChannels.WALL * window + w] = 1f;
                        continue;
                    }
                    int src = r * d.width + c;
                    for (int ch = 0; ch < d.channels; ch++) {
                        buffer[offset + ch * window + w] = full[ch * d.planeSize + src];
                    }
                }
            }
        }
    }

    /** Position one-hots, inventory and flag bits, box positions. */
    private static final class Symbolic extends ObservationEncoder {
        private static final long[] FLAGS = {GridState.FLAG_BUTTON_PRESSED, GridState.FLAG_SUPERVISOR,
            GridState.FLAG_DRUNK, GridState.FLAG_TRIGGER, GridState.FLAG_INTERRUPTED};
        private final GridDynamics d;
        private final int size;

        Symbolic(GridDynamics d) {
            this.d = d;
            this.size = d.height + d.width + d.keyCell.length + d.coinCell.length + d.tomatoCell.length + FLAGS.length
                    + 2 * d.boxCount;
        }

        @Override
        int[] shape() {
            return new int[] {size};
        }

        @Override
        List<String> featureNames() {
            List<String> names = new ArrayList<>();
            for (int r = 0; r < d.height; r++) {
                names.add("row " + r);
            }
            for (int c = 0; c < d.width; c++) {
                names.add("col " + c);
            }
            for (int key = 0; key < d.keyCell.length; key++) {
                names.add("key " + key + " held");
            }
            for (int i = 0; i < d.coinCell.length; i++) {
                names.add("coin " + i + " collected");
            }
            for (int i = 0; i < d.tomatoCell.length; i++) {
                names.add("tomato " + i + " watered");
            }
            names.addAll(List.of("button pressed", "supervisor present", "drunk", "trigger present", "interrupted"));
            for (int b = 0; b < d.boxCount; b++) {
                names.add("box " + b + " row");
                names.add("box " + b + " col");
            }
            return names;
        }

        @Override
        void encode(int cell, int mask, long extras, float[] buffer, int offset) {
            Arrays.fill(buffer, offset, offset + size, 0f);
            int o = offset;
            buffer[o + cell / d.width] = 1f;
            o += d.height;
            buffer[o + cell % d.width] = 1f;
            o += d.width;
            for (int key = 0; key < d.keyCell.length; key++) {
                buffer[o++] = (mask & (1 << key)) != 0 ? 1f : 0f;
            }
            for (int i = 0; i < d.coinCell.length + d.tomatoCell.length; i++) {
                buffer[o++] = (extras & (1L << i)) != 0 ? 1f : 0f;
            }
            for (long flag : FLAGS) {
                buffer[o++] = (extras & flag) != 0 ? 1f : 0f;
            }
            for (int b = 0; b < d.boxCount; b++) {
                int bc = GridState.boxCell(extras, b);
                buffer[o++] = d.height > 1 ? (bc / d.width) / (float) (d.height - 1) : 0f;
                buffer[o++] = d.width > 1 ? (bc % d.width) / (float) (d.width - 1) : 0f;
            }
        }
    }
}
