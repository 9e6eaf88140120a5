package dev.lantern.app.analyze;

import dev.lantern.agents.run.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/**
 * The PNG figures of one report, collected in memory while the sections run and written together afterwards
 * ({@code DIR/figures/<name>.png}, each atomically), so a report that fails writes none of them.
 */
public final class Figures {

    /** Where the figures go inside the report's folder. */
    public static final String FOLDER = "figures";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, BufferedImage> images = new LinkedHashMap<>();

    /**
     * Adds an image.
     *
     * @throws IllegalArgumentException if {@code name} is not lower-case words joined by dashes, or is taken
     */
    public void image(String name, BufferedImage image) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("figure name '" + name + "': use lower-case words joined by dashes");
        }
        if (images.putIfAbsent(name, image) != null) {
            throw new IllegalArgumentException("figure '" + name + "' was added twice");
        }
    }

    /** Renders {@code chart} at {@code width x height} pixels and adds it. */
    public void chart(String name, JFreeChart chart, int width, int height) {
        image(name, chart.createBufferedImage(width, height));
    }

    /** The figures' names, in the order they were added. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(images.keySet()));
    }

    /** The image of a figure, or null if there is none of that name. */
    public BufferedImage get(String name) {
        return images.get(name);
    }

    /**
     * Writes every figure as {@code dir/figures/<name>.png}.
     *
     * @return the files written, in order
     * @throws UncheckedIOException naming the file that could not be written
     */
    public List<Path> writeAll(Path dir) {
        List<Path> written = new ArrayList<>();
        if (images.isEmpty()) {
            return written;
        }
        Path folder = dir.resolve(FOLDER);
        try {
            Files.createDirectories(folder);
        } catch (IOException ex) {
            throw new UncheckedIOException(folder + ": cannot create (" + ex.getMessage() + ")", ex);
        }
        for (Map.Entry<String, BufferedImage> e : images.entrySet()) {
            Path file = folder.resolve(e.getKey() + ".png");
            AtomicFiles.writeBytes(file, png(e.getValue(), file));
            written.add(file);
        }
        return written;
    }

    private static byte[] png(BufferedImage image, Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(file + ": cannot encode (" + ex.getMessage() + ")", ex);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes a report into {@code dir} (created when missing): these figures when {@code withFigures}, then
     * {@code dir/fileName} holding {@code root}, each file atomically; what the reports of {@code lantern analyze} and
     * {@code lantern dynamics} write once every section has succeeded.
     *
     * @return the files written: the figures, then the report's file
     * @throws java.io.UncheckedIOException naming the file or folder that could not be written
     */
    public List<Path> writeReport(Path dir, boolean withFigures, String fileName, com.google.gson.JsonObject root) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(dir + ": cannot create (" + ex.getMessage() + ")", ex);
        }
        List<Path> written = new java.util.ArrayList<>(withFigures ? writeAll(dir) : List.of());
        Path file = dir.resolve(fileName);
        dev.lantern.agents.run.AtomicFiles.writeString(file, dev.lantern.agents.run.RunDirectory.GSON.toJson(root) + "\n");
        written.add(file);
        return written;
    }
}
