package dev.lantern.app.lab;

import javafx.scene.paint.Color;

/**
 * A diverging colour scale for value heatmaps (ColorBrewer RdYlBu: red = low, pale yellow = middle, blue = high),
 * spread linearly over {@code [min, max]}. Immutable; needs no running toolkit.
 *
 * @param min the value drawn in the lowest colour
 * @param max the value drawn in the highest colour ({@code >= min})
 */
public record ColorScale(double min, double max) {

    /** The colour stops, low to high (do not modify). */
    static final Color[] STOPS = {
        Color.web("#d73027"), Color.web("#fc8d59"), Color.web("#fee090"), Color.web("#91bfdb"), Color.web("#4575b4")
    };

    /**
     * Checks the range.
     *
     * @throws IllegalArgumentException unless {@code min <= max}
     */
    public ColorScale {
        if (!(min <= max)) {
            throw new IllegalArgumentException("need min <= max, got min=" + min + ", max=" + max);
        }
    }

    /** A scale spanning the finite values of {@code values} (NaN and infinities skipped); [0, 1] if there are none. */
    public static ColorScale fit(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo > hi ? new ColorScale(0, 1) : new ColorScale(lo, hi);
    }

    /** Where {@code value} sits in the scale, in [0, 1] (clamped; 0.5 when the scale has zero width or for NaN). */
    public double position(double value) {
        if (!(max > min) || Double.isNaN(value)) {
            return 0.5;
        }
        return Math.max(0, Math.min(1, (value - min) / (max - min)));
    }

    /** The colour of {@code value}. */
    public Color color(double value) {
        return colorAt(position(value));
    }

    /** The colour at position {@code t} in [0, 1] (clamped) along the stops. */
    public static Color colorAt(double t) {
        double x = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int i = Math.min((int) Math.floor(x), STOPS.length - 2);
        return STOPS[i].interpolate(STOPS[i + 1], x - i);
    }
}
