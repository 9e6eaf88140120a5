package dev.lantern.app.cli;

import dev.lantern.agents.nn.Backend;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import dev.lantern.app.console.LanternCommand;
import picocli.CommandLine.Command;

/** {@code lantern doctor}: what Lantern runs on: Java, ND4J backend and threads, JavaFX and a display. */
@Command(name = "doctor", description = "Show Java, the ND4J backend and threads, and JavaFX/display availability.")
final class DoctorCommand extends LanternCommand {

    @Override
    protected int execute() {
        PrintWriter out = out();
        out.printf("lantern    %s%n", VersionProvider.version());
        out.printf("java       %s (%s), %s%n", System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.home"));
        out.printf("os         %s %s %s, %d cpus, max heap %d MiB%n", System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        int threads = Backend.configure();
        Map<String, Object> nd4j = Backend.describe();
        out.printf("nd4j       backend %s, default data type %s, %d thread%s (OMP_NUM_THREADS=%s), BLAS %s%n",
                nd4j.get("backend"), nd4j.get("defaultDataType"), threads, threads == 1 ? "" : "s",
                nd4j.get("ompNumThreads"), nd4j.get("blas"));
        out.printf("compute    %s (%s)%n", nd4j.get("computePath"), nd4j.get("computePathReason"));
        out.printf("javafx     %s%n", javafxVersion());
        String problem = displayProblem();
        out.printf("display    %s%n", problem == null ? describeDisplay() : "none: " + problem);
        out.flush();
        return 0;
    }

    private static String javafxVersion() {
        try {
            Class<?> c = Class.forName("javafx.application.Platform");
            String v = c.getPackage().getImplementationVersion();
            return "available" + (v == null ? "" : " (" + v + ")");
        } catch (ClassNotFoundException e) {
            return "not on the classpath";
        }
    }

    private static String describeDisplay() {
        if ("Monocle".equals(System.getProperty("glass.platform"))) {
            return "headless (Monocle)";
        }
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        if (display != null && !display.isBlank()) {
            return "DISPLAY=" + display;
        }
        if (wayland != null && !wayland.isBlank()) {
            return "WAYLAND_DISPLAY=" + wayland;
        }
        return "the system's (" + System.getProperty("os.name") + ")";
    }

    /** Why the lab cannot open a window here, or null if it can. */
    static String displayProblem() {
        if ("Monocle".equals(System.getProperty("glass.platform"))) {
            return null;
        }
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        if (linux && (display == null || display.isBlank()) && (wayland == null || wayland.isBlank())) {
            return "no display (DISPLAY is not set): run on a desktop, or under Xvfb: xvfb-run ./lantern lab";
        }
        return null;
    }
}
