package dev.lantern.analysis.attribution;

import dev.lantern.environments.grid.GridObservation;
import dev.lantern.environments.grid.GridState;
import java.util.List;

/**
 * An {@link Attribution} of one grid state shaped as its observation kind says: for planes (one-hot, egocentric) one
 * value per map cell, for the symbolic vector one value per named feature.
 *
 * @param state       the state attributed
 * @param kind        the observation kind the network reads
 * @param cells       {@code [height * width]} row-major map cells: the attribution summed over the planes; for the
 *                    egocentric view only the cells in the window have a value, the others are {@code NaN}; empty
 *                    for the symbolic vector
 * @param offMap      egocentric: the summed attribution of the window's cells beyond the map's edge (read as
 *                    wall), so {@code sum(cells not NaN) + offMap = attribution.sum()}; 0 for the other kinds
 * @param names       the name of every feature of the observation ({@code GridWorld.featureNames()}), in order
 * @param attribution the attribution itself, one value per feature
 */
public record GridAttribution(GridState state, GridObservation.Kind kind, double[] cells, double offMap,
        List<String> names, Attribution attribution) {

    public GridAttribution {
        cells = cells.clone();
        names = List.copyOf(names);
    }

    /** The cells (a copy). */
    @Override
    public double[] cells() {
        return cells.clone();
    }

    /** The value of feature {@code name} (a symbolic feature such as {@code "key 0 held"}). */
    public double feature(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no feature " + name + " (features: " + names + ")");
        }
        return attribution.value(i);
    }
}
