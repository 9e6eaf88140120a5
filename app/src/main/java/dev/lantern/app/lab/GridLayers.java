package dev.lantern.app.lab;

import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.Tile;
import java.util.List;
import java.util.Locale;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * The layers of a {@link GridView} that its frames change, each drawn only when what it shows does (under Xvfb Prism's
 * software pipeline rasterizes every node a repaint touches over its whole area): the grid, one opaque image of
 * {@link GridRaster}'s pixels with the tiles' marks and an overlay composited in as a {@link GridRaster.Decal}
 * (rendered on a transparent canvas off the scene when the map, the keys shown, the cell size or the overlay change),
 * and the legend, a canvas strip under the grid redrawn when its text changes. FX thread only.
 */
final class GridLayers {

    private final GridRaster raster = new GridRaster();
    private final ImageView picture = new ImageView(); // the raster's image, at the grid's origin
    private final Canvas legend = new Canvas(); // the strip under the grid
    private final Canvas marks = new Canvas(); // off the scene: the tiles' marks and the overlay, for the decal
    private String legendDrawn; // what the legend shows now (title, note, range, size), null: to draw
    private GridRaster.Decal decal = GridRaster.Decal.NONE;
    private Object decalFor; // the map, mask, cell size and overlay the decal was made for
    private long legendDraws;
    private long decalsMade;

    GridLayers() {
        for (javafx.scene.Node n : List.of(picture, legend)) {
            n.setManaged(false);
            n.setMouseTransparent(true); // the view's canvas under them takes the mouse
        }
    }

    /** The nodes, bottom first: the grid's picture and the legend. */
    List<javafx.scene.Node> nodes() {
        return List.of(picture, legend);
    }

    /** Hides both (no grid to draw). */
    void hide() {
        picture.setVisible(false);
        legend.setVisible(false);
    }

    /**
     * Shows the {@code map}'s cells of side {@code cell} (whole pixels) at ({@code x}, {@code y}): their fills, arrows
     * ({@link GridRaster#update}), the marks of the tiles for keys mask {@code mask} and {@code overlay} (null: none).
     */
    void showGrid(GridMap map, int cell, double x, double y, Color[] fills, double[][] policy, int mask,
            GridOverlay overlay) {
        boolean drawn = cell >= 1
                && raster.update(map.height(), map.width(), cell, fills, policy, decal(map, cell, mask, overlay));
        picture.setImage(drawn ? raster.image() : null);
        picture.relocate(x, y);
        picture.setVisible(drawn);
    }

    /**
     * Shows the colour bar, {@code title}, {@code note} (null: none) and the range of {@code scale} in a strip of
     * {@code w} x {@link GridView#LEGEND_HEIGHT} at ({@code x}, {@code y}), the bottom of a view of height {@code h};
     * drawn again only if any of them changed.
     */
    void showLegend(double x, double y, double w, double h, ColorScale scale, String title, String note) {
        String shown = String.format(Locale.ROOT, "%s|%s|%.3f|%.3f|%.0f|%.0f", title, note, scale.min(), scale.max(),
                w, h);
        legend.relocate(x, y);
        legend.setVisible(true);
        if (shown.equals(legendDrawn)) {
            return;
        }
        legendDrawn = shown;
        legendDraws++;
        legend.setWidth(w);
        legend.setHeight(GridView.LEGEND_HEIGHT);
        GraphicsContext g = legend.getGraphicsContext2D();
        g.setFill(GridView.BACKGROUND);
        g.fillRect(0, 0, w, GridView.LEGEND_HEIGHT);
        g.save();
        g.translate(0, GridView.LEGEND_HEIGHT - h); // the legend draws itself in the bottom strip of a w x h area
        GridPainter.legend(g, w, h, scale, title, note);
        g.restore();
    }

    /** How often the legend and the decal were drawn (tests: a frame that changes neither draws neither). */
    long[] draws() {
        return new long[] {legendDraws, decalsMade};
    }

    /** What the legend shows now: title, note, min, max and the view's size (tests). */
    String legendShown() {
        return legendDrawn;
    }

    /**
     * The tiles' marks (goal, lava, a key still lying there, a door, an extended tile's letter) and the overlay, drawn
     * on the transparent canvas off the scene and read back: again only when what they depend on changed.
     */
    private GridRaster.Decal decal(GridMap map, int cell, int mask, GridOverlay overlay) {
        List<Object> key = List.of(map, mask, cell, overlay == null ? "none" : overlay);
        if (key.equals(decalFor)) {
            return decal;
        }
        int w = map.width() * cell + 1;
        int h = map.height() * cell + 1;
        marks.setWidth(w);
        marks.setHeight(h);
        GraphicsContext g = marks.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        GridPainter paint = new GridPainter(g, cell);
        boolean any = overlay != null;
        for (int r = 0; r < map.height(); r++) {
            for (int c = 0; c < map.width(); c++) {
                Tile tile = map.tile(r, c);
                boolean keyLying = tile == Tile.KEY && (mask & (1 << map.keyIndex(r, c))) == 0;
                paint.tile(tile, r, c, null, keyLying);
                any |= keyLying || tile != Tile.FLOOR && tile != Tile.WALL && tile != Tile.KEY;
            }
        }
        if (overlay != null) {
            overlay.paint(g, cell);
        }
        decal = GridRaster.Decal.NONE;
        if (any) {
            SnapshotParameters params = new SnapshotParameters();
            params.setFill(Color.TRANSPARENT);
            WritableImage image = marks.snapshot(params, null);
            int[] argb = new int[w * h];
            image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), argb, 0, w);
            decal = GridRaster.Decal.of(argb, w, h);
        }
        decalFor = key;
        decalsMade++;
        return decal;
    }
}
