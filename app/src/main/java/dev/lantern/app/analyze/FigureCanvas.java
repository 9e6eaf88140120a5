package dev.lantern.app.analyze;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/**
 * The Java2D set-up the report's hand-drawn figures ({@link GridHeatmap}, {@link ProbeHeatmap},
 * {@link PatchingHeatmap}) share: an RGB image on a white ground, antialiased text, the title in bold dark grey at the
 * top left, then the figure's own drawing, and the graphics disposed whatever happens.
 */
public final class FigureCanvas {

    /** The title's baseline, pixels from the top. */
    static final int TITLE_BASELINE = 19;

    private FigureCanvas() {
    }

    /** The title's font. */
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    /**
     * An image at least {@code width x height} (wider if the title needs it, so a figure's title, which carries its
     * error figure, is never cut off) with {@code title} drawn, then {@code body} drawing the rest on its graphics
     * (left dark grey, in the title's font).
     */
    public static BufferedImage draw(int width, int height, String title, Consumer<Graphics2D> body) {
        int wide = Math.max(width, titleWidth(title) + 16);
        BufferedImage image = new BufferedImage(wide, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, wide, height);
            g.setColor(Color.DARK_GRAY);
            g.setFont(TITLE);
            g.drawString(title, 8, TITLE_BASELINE);
            body.accept(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The title's width in pixels in the title font. */
    static int titleWidth(String title) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return (int) Math.ceil(g.getFontMetrics(TITLE).getStringBounds(title, g).getWidth());
        } finally {
            g.dispose();
        }
    }
}
