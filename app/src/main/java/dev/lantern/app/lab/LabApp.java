package dev.lantern.app.lab;

import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application behind {@link LabLauncher}: reads the arguments ({@link LabSettings#parse}), opens a
 * {@link LabWindow} and, when the window closes or the application exits, stops the training and ends its thread.
 *
 * <p>Hidden options for scripts (system properties): {@code lantern.lab.autostart=true} presses Start at once;
 * {@code lantern.lab.screenshot=<file.png>} saves the whole window as a PNG and exits once the run has ended (or
 * after {@code lantern.lab.screenshotAfterUpdates} updates); {@code lantern.lab.hover=<row>,<col>} hovers a cell
 * (so the picture shows its numbers); {@code lantern.lab.heatmap=<network|true|error-optimal|error-policy>} chooses
 * the heatmap. Without autostart the screenshot shows the chosen environment before training.
 * {@code lantern.lab.searchTree=true} shows the search tree tab; {@code lantern.lab.circuits=true} shows the circuit
 * panel and {@code lantern.lab.neuron=<site>,<index>} opens that
 * neuron's inspector. With run directories ({@code --runs}, last), the Compare tab is shown, and
 * {@code lantern.lab.scrub=<k>} moves the scrubber to checkpoint k (0 = the first; negative counts from the end)
 * once the selected run is read; the screenshot then waits for every run and that checkpoint's frame.
 * {@code docs/screenshot.sh} uses them.
 */
public final class LabApp extends Application {

    /** The argument after which every argument is a run directory to open in the Compare tab. */
    static final String RUNS = "--runs";
    private static final Logger LOG = LoggerFactory.getLogger(LabApp.class);

    private LabController controller;
    private LabWindow window;

    /** Called by JavaFX. */
    public LabApp() {
    }

    @Override
    public void start(Stage stage) {
        LabSettings settings;
        java.util.List<String> raw = getParameters().getRaw();
        int at = raw.indexOf(RUNS);
        java.util.List<java.nio.file.Path> runs = at < 0 ? java.util.List.of()
                : raw.subList(at + 1, raw.size()).stream().map(java.nio.file.Path::of).toList();
        try {
            settings = LabSettings.parse(at < 0 ? raw : raw.subList(0, at));
        } catch (IllegalArgumentException e) {
            LOG.error("lab arguments: {}; using the defaults", e.getMessage());
            settings = LabSettings.defaults();
        }
        controller = new LabController();
        window = new LabWindow(controller, settings);
        window.show(stage);
        String hover = System.getProperty("lantern.lab.hover");
        if (hover != null) {
            String[] rc = hover.split(",");
            window.gridView().hoverLater(Integer.parseInt(rc[0].trim()), Integer.parseInt(rc[1].trim()));
        }
        String heatmap = System.getProperty("lantern.lab.heatmap");
        if (heatmap != null) {
            window.selectHeatmap(GridView.ValueSource.valueOf(heatmap.trim().toUpperCase(java.util.Locale.ROOT)
                    .replace('-', '_')));
        }
        if (Boolean.getBoolean("lantern.lab.searchTree")) {
            window.showSearchTree();
        }
        if (Boolean.getBoolean("lantern.lab.circuits")) {
            window.showCircuits();
        }
        String neuron = System.getProperty("lantern.lab.neuron");
        if (neuron != null) {
            String[] si = neuron.split(",");
            window.inspectLater(si[0].trim(), Integer.parseInt(si[1].trim()));
        }
        if (!runs.isEmpty()) {
            window.openRuns(runs);
            window.showCompare();
            String scrub = System.getProperty("lantern.lab.scrub");
            if (scrub != null) {
                window.scrubLater(Integer.parseInt(scrub.trim()));
            }
        }
        if (Boolean.getBoolean("lantern.lab.autostart")) {
            window.startTraining();
        }
        String shot = System.getProperty("lantern.lab.screenshot");
        if (shot != null) {
            new ScreenshotTrigger(window, stage.getScene(), java.nio.file.Path.of(shot),
                    Long.getLong("lantern.lab.screenshotAfterUpdates", Long.MAX_VALUE)).arm();
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
    }
}
