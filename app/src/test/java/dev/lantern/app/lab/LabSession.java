package dev.lantern.app.lab;

import java.util.function.Consumer;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

/**
 * A lab window opened on TestFX's primary stage for one test, and closed after it: the fixture the lab window tests
 * share.
 *
 * @param stage      the primary stage the window is shown on
 * @param controller the window's controller (training runs through it)
 * @param window     the window
 */
record LabSession(Stage stage, LabController controller, LabWindow window) {

    /** Opens a window with {@code settings}; {@code then} runs on the FX thread right after it is shown. */
    static LabSession open(LabSettings settings, Consumer<LabWindow> then) throws Exception {
        return open(settings, new LabController(), then);
    }

    /** Opens a window with {@code settings} training through {@code controller}. */
    static LabSession open(LabSettings settings, LabController controller, Consumer<LabWindow> then)
            throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        LabWindow[] window = new LabWindow[1];
        FxToolkit.setupFixture(() -> {
            window[0] = new LabWindow(controller, settings);
            window[0].show(stage);
            then.accept(window[0]);
        });
        return new LabSession(stage, controller, window[0]);
    }

    /** Hides the window and stops its training (5 s at most). */
    void close() throws Exception {
        FxToolkit.setupFixture(() -> stage.hide());
        controller.close(5_000);
    }
}
