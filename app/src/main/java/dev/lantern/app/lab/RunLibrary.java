package dev.lantern.app.lab;

import dev.lantern.agents.run.MetricsLog;
import dev.lantern.app.config.ConfigException;
import dev.lantern.app.config.Experiment;
import dev.lantern.app.dynamics.DynamicsRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads run directories for the compare mode and the checkpoints' frames for the scrubber, on ONE background thread
 * ({@code lantern-lab-runs}, never the FX thread nor the training thread); results are posted to the FX thread
 * ({@link Platform#runLater}). A checkpoint's frame is made once ({@link FrameStates} over the run's drawn states,
 * {@link NetworkPolicyView} over the checkpoint's network, a private copy read by {@link DynamicsRun#network}) and
 * then served from a cache. Nothing in a run directory is changed.
 */
final class RunLibrary implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunLibrary.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lantern-lab-runs");
        t.setDaemon(true);
        return t;
    });
    private final Map<Path, DynamicsRun> runs = new ConcurrentHashMap<>();
    private final Map<Path, FrameStates> states = new ConcurrentHashMap<>();
    private final Map<String, RunInfo> infos = new ConcurrentHashMap<>();
    private final Map<String, PolicyFrame> frames = new ConcurrentHashMap<>();

    /** Reads {@code dir} in the background; {@code loaded} or {@code failed} (with the reason) runs on the FX thread. */
    void open(Path dir, Consumer<OpenedRun> loaded, Consumer<String> failed) {
        Path d = dir.toAbsolutePath().normalize();
        executor.execute(() -> {
            try {
                OpenedRun r = read(d);
                Platform.runLater(() -> loaded.accept(r));
            } catch (ConfigException e) {
                String why = String.join("; ", e.problems());
                Platform.runLater(() -> failed.accept(why));
            } catch (RuntimeException e) {
                LOG.warn("cannot open {}", d, e);
                Platform.runLater(() -> failed.accept(d + ": " + e));
            }
        });
    }

    /**
     * The frame of checkpoint {@code step} of {@code run}: at once from the cache, else made in the background; either
     * way {@code done} runs on the FX thread (or {@code failed} with the reason).
     */
    void frame(OpenedRun run, long step, Consumer<PolicyFrame> done, Consumer<String> failed) {
        PolicyFrame cached = frames.get(key(run, step));
        if (cached != null) {
            done.accept(cached);
            return;
        }
        executor.execute(() -> {
            try {
                PolicyFrame f = frames.computeIfAbsent(key(run, step), k -> make(run, step));
                Platform.runLater(() -> done.accept(f));
            } catch (RuntimeException e) {
                String why = e instanceof ConfigException c ? String.join("; ", c.problems()) : e.toString();
                Platform.runLater(() -> failed.accept(why));
            }
        });
    }

    /** Ends the background thread (an unfinished read is abandoned). */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    private OpenedRun read(Path dir) {
        DynamicsRun run = DynamicsRun.load(dir);
        Experiment e = run.experiment();
        MetricsLog m = run.metrics();
        String envId = run.newest().world().spec().id();
        RunInfo info = infos.computeIfAbsent(envId + "|" + e.agent().type() + "|" + run.newest().world().maxEpisodeSteps(),
                k -> RunInfo.of(new LabSettings(envId, e.agent().type(), e.seed(), e.training().totalEnvSteps(), false),
                        run.newest().world()));
        MetricsLog.Series eval = m.series("eval/return");
        MetricsLog.Series episodes = m.series("episode/return");
        long last = run.newestStep();
        for (String name : m.names()) {
            long[] s = m.series(name).steps();
            if (s.length > 0) {
                last = Math.max(last, s[s.length - 1]);
            }
        }
        runs.put(dir, run);
        states.put(dir, new FrameStates(info));
        ForkLink fork = ForkLink.read(run.manifest());
        // Children of different forks share folder names (child-0, ...): their fork step tells them apart.
        String label = fork == null ? run.label()
                : String.format(java.util.Locale.ROOT, "%s @%,d", run.label(), fork.atStep());
        return new OpenedRun(dir, label, e.seed(), List.copyOf(run.checkpointSteps()), last, eval, episodes, fork,
                info);
    }

    private PolicyFrame make(OpenedRun run, long step) {
        DynamicsRun r = runs.get(run.dir());
        PolicyFrame f = states.get(run.dir()).frame(NetworkPolicyView.of(r.network(step)), step, 0, step);
        return f;
    }

    private static String key(OpenedRun run, long step) {
        return run.dir() + "@" + step;
    }
}
