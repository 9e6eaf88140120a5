package dev.lantern.app.lab;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Solves the environment chosen in the toolbar before any training, so that the lab draws its map and V* as soon as
 * it is chosen: {@link RunInfo#preview} runs on one background thread ({@code lantern-lab-preview}, never the training
 * thread), and the FX thread polls {@link #latest()}. A newer request makes an older, unfinished one moot; only the
 * newest request's result is ever published. Thread-safe.
 */
final class EnvPreview implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnvPreview.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lantern-lab-preview");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<LabSettings> wanted = new AtomicReference<>();
    private final AtomicReference<RunInfo> latest = new AtomicReference<>();

    /** Asks for the preview of {@code settings}; it replaces the current one once solved. */
    void request(LabSettings settings) {
        wanted.set(settings);
        latest.set(null);
        executor.execute(() -> {
            if (wanted.get() != settings) {
                return; // a newer request came first
            }
            try {
                RunInfo info = RunInfo.preview(settings);
                if (wanted.get() == settings) {
                    latest.set(info);
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot preview {}: {}", settings.envId(), e.toString());
            }
        });
    }

    /** Forgets the requests made so far: nothing is published until the next {@link #request}. */
    void cancel() {
        wanted.set(null);
        latest.set(null);
    }

    /** The newest request's preview once solved, or null. */
    RunInfo latest() {
        return latest.get();
    }

    /** Ends the background thread (an unfinished solve is abandoned). */
    @Override
    public void close() {
        cancel();
        executor.shutdownNow();
    }
}
