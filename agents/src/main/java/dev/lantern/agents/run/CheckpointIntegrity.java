package dev.lantern.agents.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.lantern.agents.run.state.CheckpointFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checksums that let {@code lantern resume} find a damaged checkpoint before it changes anything. A checkpoint's
 * {@code state.json} records, besides the trainer's counters:
 * <ul>
 *   <li>{@code files}: the length and CRC32C of each other file of the checkpoint ({@code network.zip},
 *       {@code agent.state}, {@code recorders.state}), as written;</li>
 *   <li>{@code appended}: for each file the run appends to ({@link RunDirectory#APPENDED_FILES}), the length the
 *       checkpoint saw and the CRC32C of that prefix (a resume cuts the file back to it; bytes after it are the ones
 *       a killed run wrote later, and are dropped, not damage);</li>
 *   <li>{@code crc32c}: the CRC32C of {@code state.json} itself as written without this member.</li>
 * </ul>
 * Checksums are written as 8 lower-case hex digits. A checkpoint without {@code crc32c} was written by a Lantern
 * before checksums; {@link #verify} accepts it with a warning (its files are still read with every structural check).
 */
public final class CheckpointIntegrity {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointIntegrity.class);

    /** The member of {@code state.json} that holds its own checksum. */
    static final String SELF = "crc32c";
    /** The member of {@code state.json} that describes the checkpoint's other files. */
    static final String FILES = "files";
    /** The member of {@code state.json} that describes the prefixes of the appended files. */
    static final String APPENDED = "appended";

    private CheckpointIntegrity() {
    }

    /** {@code {"bytes": length, "crc32c": "hex"}} of the whole of {@code file}. */
    static JsonObject describe(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        long length = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
                length += n;
            }
        }
        return entry(length, crc.getValue());
    }

    /**
     * The text of {@code state.json} for {@code state}: the object, then its checksum as the last member
     * ({@link #SELF}), over the pretty-printed object without it.
     */
    static String seal(JsonObject state) {
        JsonObject sealed = withoutSelf(state);
        sealed.addProperty(SELF, hex(crcOf(RunDirectory.GSON.toJson(sealed))));
        return RunDirectory.GSON.toJson(sealed) + "\n";
    }

    /**
     * Checks checkpoint folder {@code checkpoint} of the run directory two levels up before a resume reads it:
     * {@code state.json}'s own checksum, the length and checksum of every file it lists, and the prefix of every
     * appended file it covers. Reads only.
     *
     * @return the checkpoint's {@code state.json}
     * @throws CheckpointFormatException naming the first damaged file: a checksum mismatch, a file shorter or longer
     *                                   than recorded, or missing
     */
    public static JsonObject verify(Path checkpoint) {
        Path stateFile = checkpoint.resolve(RunDirectory.STATE);
        JsonObject state;
        String text;
        try {
            text = Files.readString(stateFile, StandardCharsets.UTF_8);
            state = JsonParser.parseString(text).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new CheckpointFormatException(stateFile + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (!state.has(SELF)) {
            LOG.warn("{}: written by a Lantern without checkpoint checksums; resuming without checking the checkpoint's "
                    + "files for damage", checkpoint);
            return state;
        }
        String recorded = string(state, SELF, stateFile);
        if (!recorded.equals(hex(crcOf(RunDirectory.GSON.toJson(withoutSelf(state)))))) {
            throw damaged(stateFile);
        }
        JsonObject files = object(state, FILES, stateFile);
        for (String required : List.of(RunDirectory.AGENT_STATE, RunDirectory.RECORDERS_STATE)) {
            if (!files.has(required)) {
                throw new CheckpointFormatException(stateFile + ": lists no checksum for " + required);
            }
        }
        if (Files.exists(checkpoint.resolve(RunDirectory.NETWORK)) && !files.has(RunDirectory.NETWORK)) {
            throw new CheckpointFormatException(stateFile + ": lists no checksum for " + RunDirectory.NETWORK);
        }
        for (Map.Entry<String, JsonElement> f : files.entrySet()) {
            verifyWhole(checkpoint.resolve(f.getKey()), f.getValue(), stateFile);
        }
        Path runs = checkpoint.getParent();
        Path root = runs == null || runs.getParent() == null ? checkpoint.toAbsolutePath().getParent().getParent()
                : runs.getParent();
        for (Map.Entry<String, JsonElement> f : object(state, APPENDED, stateFile).entrySet()) {
            verifyPrefix(root.resolve(f.getKey()), f.getValue(), stateFile, checkpoint);
        }
        return state;
    }

    private static void verifyWhole(Path file, JsonElement recorded, Path stateFile) {
        long bytes = bytes(recorded, stateFile);
        JsonObject actual;
        try {
            actual = describe(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointFormatException(file + ": missing (the checkpoint recorded " + bytes + " bytes)");
        } catch (IOException e) {
            throw new CheckpointFormatException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        long length = actual.get("bytes").getAsLong();
        if (length != bytes) {
            throw new CheckpointFormatException(file + ": " + length + " bytes, the checkpoint recorded " + bytes + " ("
                    + (length < bytes ? "truncated" : "longer than written") + "; the file is damaged)");
        }
        if (!actual.get(SELF).getAsString().equals(crc(recorded, stateFile))) {
            throw damaged(file);
        }
    }

    private static void verifyPrefix(Path file, JsonElement recorded, Path stateFile, Path checkpoint) {
        long bytes = bytes(recorded, stateFile);
        Prefix prefix = new Prefix();
        try {
            long size = Files.size(file);
            if (size < bytes) {
                throw new CheckpointFormatException(file + ": " + size + " bytes, shorter than the " + bytes + " that "
                        + checkpoint.getFileName() + " saw (the file lost lines; it is damaged)");
            }
            prefix.advance(file, bytes);
        } catch (NoSuchFileException e) {
            throw new CheckpointFormatException(file + ": missing (" + checkpoint.getFileName() + " saw " + bytes
                    + " bytes of it)");
        } catch (IOException e) {
            throw new CheckpointFormatException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (!hex(prefix.crc.getValue()).equals(crc(recorded, stateFile))) {
            throw new CheckpointFormatException(file + ": checksum mismatch in the first " + bytes + " bytes, which "
                    + checkpoint.getFileName() + " saw (the file is damaged)");
        }
    }

    private static CheckpointFormatException damaged(Path file) {
        return new CheckpointFormatException(file + ": checksum mismatch (the file is damaged)");
    }

    private static JsonObject withoutSelf(JsonObject state) {
        JsonObject copy = state.deepCopy();
        copy.remove(SELF);
        return copy;
    }

    private static long crcOf(String text) {
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static JsonObject entry(long length, long crc) {
        JsonObject e = new JsonObject();
        e.addProperty("bytes", length);
        e.addProperty(SELF, hex(crc));
        return e;
    }

    private static String hex(long crc) {
        return String.format(Locale.ROOT, "%08x", crc);
    }

    private static JsonObject object(JsonObject state, String name, Path stateFile) {
        JsonElement e = state.get(name);
        if (e == null || !e.isJsonObject()) {
            throw new CheckpointFormatException(stateFile + ": no '" + name + "' object (the file is damaged)");
        }
        return e.getAsJsonObject();
    }

    private static String string(JsonObject o, String name, Path stateFile) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive()) {
            throw new CheckpointFormatException(stateFile + ": no '" + name + "' string (the file is damaged)");
        }
        return e.getAsString();
    }

    private static long bytes(JsonElement recorded, Path stateFile) {
        try {
            return recorded.getAsJsonObject().get("bytes").getAsLong();
        } catch (RuntimeException e) {
            throw new CheckpointFormatException(stateFile + ": malformed file entry " + recorded);
        }
    }

    private static String crc(JsonElement recorded, Path stateFile) {
        if (!recorded.isJsonObject()) {
            throw new CheckpointFormatException(stateFile + ": malformed file entry " + recorded);
        }
        return string(recorded.getAsJsonObject(), SELF, stateFile);
    }

    /**
     * Running checksums of the files a run appends to, kept by the writing process so that each checkpoint reads only
     * what was appended since the one before: the first checkpoint a process writes reads each file from its start.
     */
    static final class AppendedFiles {

        private final Path root;
        private final Map<String, Prefix> prefixes = new LinkedHashMap<>();

        /** Tracks the appended files of the run directory {@code root}. */
        AppendedFiles(Path root) {
            this.root = root;
        }

        /**
         * The {@code appended} member of {@code state.json}: each of {@link RunDirectory#APPENDED_FILES} that exists,
         * with its present length and the checksum of all of it.
         */
        JsonObject record() {
            JsonObject out = new JsonObject();
            for (String name : RunDirectory.APPENDED_FILES) {
                Path file = root.resolve(name);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                Prefix p = prefixes.computeIfAbsent(name, n -> new Prefix());
                try {
                    p.advance(file, Files.size(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file + " to checksum it: " + e.getMessage(), e);
                }
                out.add(name, entry(p.length, p.crc.getValue()));
            }
            return out;
        }
    }

    /** The CRC32C of a file's first {@code length} bytes, extended as the file grows. */
    private static final class Prefix {
        private final CRC32C crc = new CRC32C();
        private long length;

        /** Extends the checksum to the first {@code to} bytes of {@code file}; starts over if the file was cut back. */
        void advance(Path file, long to) throws IOException {
            if (to < length) {
                crc.reset();
                length = 0;
            }
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ch.position(length);
                while (length < to) {
                    buf.clear();
                    buf.limit((int) Math.min(buf.capacity(), to - length));
                    int n = ch.read(buf);
                    if (n < 0) {
                        throw new IOException(file + " ended at " + length + " bytes, before " + to);
                    }
                    buf.flip();
                    crc.update(buf);
                    length += n;
                }
            }
        }
    }
}
