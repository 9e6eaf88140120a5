package dev.lantern.environments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden transcripts under {@code src/test/resources}: a test compares what it produced with the stored file, or, run
 * with {@code -Dgolden.update=true}, rewrites the file (then review the diff).
 */
public final class GoldenFiles {

    private GoldenFiles() {
    }

    /**
     * Asserts that {@code actual} equals the resource {@code dir + file}, or writes it there under
     * {@code -Dgolden.update=true}.
     *
     * @param dir the resource folder, e.g. {@code dev/lantern/environments/grid/golden/} (ending in {@code /})
     */
    public static void check(String dir, String file, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Path path = Path.of("src/test/resources", dir, file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = GoldenFiles.class.getResourceAsStream("/" + dir + file)) {
            assertNotNull(in, "golden file " + dir + file + " is missing; generate it with -Dgolden.update=true");
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected, actual, "playthrough differs from " + file
                    + " (if the change is intended, regenerate with -Dgolden.update=true and review the diff)");
        }
    }
}
