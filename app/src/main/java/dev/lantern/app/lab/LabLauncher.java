package dev.lantern.app.lab;

import java.util.Arrays;
import javafx.application.Application;

/**
 * Opens the lab window ({@code lantern lab} calls this). Each method blocks until the window is closed, and JavaFX
 * allows one launch per JVM. Not an {@link Application} itself, so that callers need no JavaFX on their own class.
 */
public final class LabLauncher {

    /**
     * JavaFX warns "Unsupported JavaFX configuration" whenever it is loaded from the class path, which Lantern does on
     * purpose (DL4J's jars break the module system). Held here so the level sticks.
     */
    private static final java.util.logging.Logger JAVAFX_STARTUP =
            java.util.logging.Logger.getLogger("javafx");

    private LabLauncher() {
    }

    /**
     * Opens the lab with command-line style arguments: {@code --env ID}, {@code --agent TYPE}, {@code --seed N}, {@code --steps N},
     * {@code --no-lca} (each optional; see {@link LabSettings#parse}).
     *
     * @throws IllegalArgumentException listing every bad argument, before any window opens
     */
    public static void launch(String[] args) {
        LabSettings settings = LabSettings.parse(Arrays.asList(args));
        launch(settings);
    }

    /**
     * Opens the lab on {@code envId} with learner {@code agentType}, {@code seed}, a budget of {@code totalEnvSteps},
     * LCA on or off; training starts when the user presses Start.
     *
     * @throws IllegalArgumentException if the id or learner is unknown or the budget is not positive
     */
    public static void launch(String envId, String agentType, long seed, long totalEnvSteps, boolean lca) {
        launch(new LabSettings(envId, agentType, seed, totalEnvSteps, lca));
    }

    /** Opens the lab with {@code settings}. */
    public static void launch(LabSettings settings) {
        launch(settings, java.util.List.of());
    }

    /**
     * Opens the lab with {@code settings} and the run directories {@code runs} (each a run or a folder of runs) in
     * its Compare tab, shown first when there are any; they are read once the window is open (check them first with
     * {@link RunDirs#problems}).
     */
    public static void launch(LabSettings settings, java.util.List<java.nio.file.Path> runs) {
        JAVAFX_STARTUP.setLevel(java.util.logging.Level.SEVERE);
        java.util.List<String> args = new java.util.ArrayList<>(settings.toArgs());
        if (!runs.isEmpty()) {
            args.add(LabApp.RUNS);
            runs.forEach(r -> args.add(r.toString()));
        }
        Application.launch(LabApp.class, args.toArray(String[]::new));
    }
}
