package dev.lantern.agents.train;

import dev.lantern.agents.run.MetricsFile;
import dev.lantern.agents.run.ResumePoint;
import java.nio.file.Path;

/**
 * Writes the run's metrics to {@code metrics.jsonl} ({@link MetricsFile}): opened when the run starts (a resumed run
 * first cuts the file back to its checkpoint's length and continues its times), flushed at the end of every
 * iteration, closed when the run ends. Metrics sent before it opened (by recorders starting ahead of it) are not
 * written.
 */
final class MetricsRecorder implements Recorder, MetricSink {

    private final Path path;
    private final ResumePoint resume;
    private MetricsFile file;

    /** Writes {@code path}; {@code resume} is the checkpoint a resumed run continues from, or null. */
    MetricsRecorder(Path path, ResumePoint resume) {
        this.path = path;
        this.resume = resume;
    }

    @Override
    public void runStarted(RunContext run) {
        if (resume != null) {
            MetricsFile.truncate(path, resume.metricsBytes());
        }
        file = new MetricsFile(path, resume == null ? 0 : resume.elapsedSeconds());
    }

    @Override
    public void scalar(long step, String name, double value) {
        if (file != null) {
            file.scalar(step, name, value);
        }
    }

    @Override
    public void iterationEnded(long iteration, long envStep) {
        file.flush();
    }

    /** Flushes and returns the file's length in bytes, 0 before it opened (what a checkpoint records). */
    long flushedLength() {
        return file == null ? 0 : file.flushedLength();
    }

    @Override
    public void runEnded(RunOutcome outcome) {
        if (file != null) {
            file.close();
        }
    }

    /** {@inheritDoc} Always: it writes part of the run directory. */
    @Override
    public boolean writesRunFiles() {
        return true;
    }
}
