package dev.lantern.agents.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one-writer lock of a run directory: an operating-system lock on {@code <run>/.lock}, held by the process that
 * trains into the directory, with that process's id written in the file. The system drops the lock when the process
 * ends, however it ends, so a crashed or killed run leaves no stale lock: the next writer takes it and writes its own
 * id. Readers (analysis, reports, the lab replaying a run) never take it.
 */
public final class RunLock implements AutoCloseable {

    /** The lock file's name inside the run directory. */
    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the run directory {@code root} for this process.
     *
     * @throws RunLockedException if another process (or this one) is writing the run, naming its process id
     * @throws UncheckedIOException if the lock file cannot be opened
     */
    public static RunLock acquire(Path root) {
        Path file = root.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot open the run's lock file: " + e.getMessage(), e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                channel.close();
                throw new RunLockedException(root + ": this process is already writing this run");
            }
            if (lock == null) {
                String holder = holder(file);
                channel.close();
                throw new RunLockedException(root + ": another Lantern process" + (holder.isEmpty() ? "" : " (pid "
                        + holder + ")") + " is writing this run; wait for it to end or stop it, then try again");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            channel.force(false);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            throw new UncheckedIOException(file + ": cannot take the run's lock: " + e.getMessage(), e);
        }
    }

    private static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** Releases the lock (the file stays, holding the last writer's id). */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the run's lock: " + e.getMessage(), e);
        }
    }
}
