package dev.lantern.agents.run;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A directory made read-only for a test: by permissions, or, for root (who ignores them), by the immutable attribute
 * where the file system and {@code chattr} allow it; otherwise the test is skipped. {@link #undo} makes it writable
 * again. A test fixture (in the agents test-jar: the CLI's tests use it too).
 */
public final class ReadOnlyDirectory {

    private final Path dir;
    private final boolean immutable;

    private ReadOnlyDirectory(Path dir, boolean immutable) {
        this.dir = dir;
        this.immutable = immutable;
    }

    /** Makes {@code dir} read-only, or skips the calling test where that cannot be done. */
    public static ReadOnlyDirectory make(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!Files.isWritable(dir)) {
            return new ReadOnlyDirectory(dir, false);
        }
        boolean immutable = chattr("+i", dir);
        if (!immutable || Files.isWritable(dir)) {
            if (immutable) {
                chattr("-i", dir);
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            assumeTrue(false, "running as root, and " + dir + " cannot be made read-only (no chattr +i)");
        }
        return new ReadOnlyDirectory(dir, true);
    }

    /** Makes the directory writable again. */
    public void undo() throws IOException {
        if (immutable) {
            chattr("-i", dir);
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean chattr(String flag, Path dir) {
        try {
            Process p = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
