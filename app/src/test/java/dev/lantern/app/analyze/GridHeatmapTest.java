package dev.lantern.app.analyze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.environments.grid.map.GridMap;
import dev.lantern.environments.grid.map.GridMapParser;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's heatmap draws each cell in the colour of its value, walls dark, and figures are written as PNGs. */
class GridHeatmapTest {

    private static final int CELL = 20;

    @Test
    void eachCellIsDrawnInItsValuesColourAndWallsAreDark() {
        GridMap map = GridMapParser.parse("t", "#####\n#S.G#\n#####\n");
        double[] values = new double[15];
        java.util.Arrays.fill(values, Double.NaN);
        values[6] = -2; // S
        values[7] = 0;
        values[8] = 2; // G
        BufferedImage image = GridHeatmap.render(map, values, "t", GridHeatmap.Scale.DIVERGING, CELL);
        assertEquals(0xb2182b, centre(image, 1, 1), "the most negative value is the deepest red");
        assertEquals(0xf7f7f7, centre(image, 1, 2), "zero is white on a diverging scale");
        assertEquals(0x2166ac, centre(image, 1, 3), "the most positive value is the deepest blue");
        assertEquals(0x3a3a3a, centre(image, 0, 0), "walls are dark");
        assertArrayEquals(new double[] {-2, 2}, GridHeatmap.range(values, GridHeatmap.Scale.DIVERGING));
        assertArrayEquals(new double[] {-2, 2}, GridHeatmap.range(values, GridHeatmap.Scale.SEQUENTIAL));
        assertArrayEquals(new double[] {-3, 3},
                GridHeatmap.range(new double[] {1, -3, Double.NaN}, GridHeatmap.Scale.DIVERGING),
                "diverging ranges are symmetric about 0");
    }

    @Test
    void aLongTitleWidensTheFigureSoItsErrorFigureIsNeverCutOff() {
        GridMap map = GridMapParser.parse("t", "#####\n#S.G#\n#####\n");
        String title = "IG of value.out[0] at the start, from without agent (completeness error 1.0e-14), a long title";
        BufferedImage image = GridHeatmap.render(map, new double[15], title, GridHeatmap.Scale.DIVERGING, CELL);
        assertTrue(image.getWidth() >= FigureCanvas.titleWidth(title) + 8, image.getWidth() + " px for the title");
        assertTrue(FigureCanvas.titleWidth(title) > 320, "the title is wider than the figure's minimum");
    }

    @Test
    void aWrongNumberOfValuesOrATinyCellIsRefused() {
        GridMap map = GridMapParser.parse("t", "#####\n#S.G#\n#####\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridHeatmap.render(map, new double[14], "t", GridHeatmap.Scale.SEQUENTIAL, CELL));
        assertTrue(e.getMessage().contains("15") && e.getMessage().contains("14"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GridHeatmap.render(map, new double[15], "t", GridHeatmap.Scale.SEQUENTIAL, 4));
    }

    @Test
    void figuresAreWrittenAsPngsUnderFiguresAndBadNamesAreRefused(@TempDir Path tmp) throws Exception {
        Figures figures = new Figures();
        figures.image("a-b", new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB));
        assertThrows(IllegalArgumentException.class, () -> figures.image("a-b", new BufferedImage(1, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> figures.image("A b", new BufferedImage(1, 1, 1)));
        Path file = figures.writeAll(tmp).get(0);
        assertEquals(tmp.resolve("figures/a-b.png"), file);
        BufferedImage back = javax.imageio.ImageIO.read(file.toFile());
        assertEquals(3, back.getWidth());
        assertEquals(2, back.getHeight());
    }

    /** The RGB at the centre of a map cell (the title band is 28 px, the left margin 8). */
    private static int centre(BufferedImage image, int row, int col) {
        return image.getRGB(8 + col * CELL + CELL / 2 + 4, 28 + row * CELL + CELL / 2 + 4) & 0xffffff;
    }
}
