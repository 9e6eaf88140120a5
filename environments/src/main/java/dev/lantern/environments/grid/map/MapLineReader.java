package dev.lantern.environments.grid.map;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Splits the bytes of a map file into lines without ever holding more than one bounded line: each line is kept up to
 * {@value GridMap#MAX_COLUMNS} characters and only counted beyond that, and the input is read up to
 * {@value GridMapParser#MAX_FILE_BYTES} bytes.
 *
 * <p>A leading UTF-8 byte-order mark is skipped. Lines end at {@code \n}; a {@code \r} just before it is dropped (CRLF
 * files work). Input that is not a map's text at all ends the reading with one plain-worded reason (see
 * {@link #read}): a NUL byte (binary data), bytes that are not UTF-8, old-Mac line endings (CR only), too many bytes.
 */
final class MapLineReader {

    /** Receives the lines of a map, in order. */
    interface LineSink {

        /**
         * One line.
         *
         * @param number     1-based line number
         * @param text       the line without its line ending, cut to at most {@value GridMap#MAX_COLUMNS} characters
         *                   (Unicode code points)
         * @param characters the length of the whole line in characters (code points); more than the text's when cut
         */
        void line(int number, String text, long characters);
    }

    /** Bytes kept of one line: enough for {@value GridMap#MAX_COLUMNS} characters of up to 4 bytes each. */
    static final int MAX_LINE_BYTES = 4 * GridMap.MAX_COLUMNS;

    private static final int CHUNK_BYTES = 1 << 16;

    private final LineSink sink;
    private final byte[] line = new byte[MAX_LINE_BYTES];
    private int kept;
    private long characters;
    private boolean dropped;
    private int lineNo = 1;
    private boolean sawLineFeed;
    private boolean pendingCr;
    private boolean loneCrInFirstLine;

    private MapLineReader(LineSink sink) {
        this.sink = sink;
    }

    /**
     * Reads {@code in} to its end (or to the first reason it is not map text) and hands every line to {@code sink}.
     *
     * @return null when the whole input was read as text; otherwise why it is not a map's text, in words that follow
     *         the file name, e.g. {@code is not a text file (byte 0x00 at line 3)}; the lines before it were delivered
     * @throws IOException if reading fails
     */
    static String read(InputStream in, LineSink sink) throws IOException {
        return new MapLineReader(sink).readAll(in);
    }

    private String readAll(InputStream in) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        long total = 0;
        boolean first = true;
        int n;
        while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
            int from = 0;
            if (first) {
                first = false;
                if (n >= 3 && (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB && (chunk[2] & 0xFF) == 0xBF) {
                    from = 3; // a byte-order mark says "UTF-8" and nothing else
                }
            }
            total += n;
            if (total > GridMapParser.MAX_FILE_BYTES) {
                return "is larger than " + (GridMapParser.MAX_FILE_BYTES >> 20) + " MiB, the most a map file may be"
                        + " (docs/maps.md, \"Limits\")";
            }
            for (int i = from; i < n; i++) {
                String stop = accept(chunk[i]);
                if (stop != null) {
                    return stop;
                }
            }
            if (n < chunk.length) {
                break;
            }
        }
        if (!sawLineFeed && loneCrInFirstLine) {
            return "line endings are CR only (old Mac); use LF or CRLF";
        }
        pendingCr = false; // a final CR without LF ends the last line like CRLF would
        if (kept > 0 || characters > 0) {
            return endLine();
        }
        return null;
    }

    /** One byte of the input; a non-null result stops the reading. */
    private String accept(byte b) {
        if (b == '\n') {
            sawLineFeed = true;
            pendingCr = false;
            return endLine();
        }
        if (pendingCr) { // a CR not followed by LF is a character of the line
            pendingCr = false;
            if (!sawLineFeed) {
                loneCrInFirstLine = true;
            }
            keep((byte) '\r');
        }
        if (b == '\r') {
            pendingCr = true;
            return null;
        }
        if (b == 0) {
            return "is not a text file (byte 0x00 at line " + lineNo + ")";
        }
        keep(b);
        return null;
    }

    private void keep(byte b) {
        if ((b & 0xC0) != 0x80) {
            characters++; // a UTF-8 lead byte or ASCII starts a character; continuation bytes do not
        }
        if (kept < line.length) {
            line[kept++] = b;
        } else {
            dropped = true;
        }
    }

    private String endLine() {
        int end = kept;
        if (dropped) { // do not decode a character cut in half
            int lead = end - 1;
            while (lead > 0 && (line[lead] & 0xC0) == 0x80) {
                lead--;
            }
            int b = line[lead] & 0xFF;
            int size = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            if (end - lead < size) {
                end = lead;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, end);
        CharBuffer chars = CharBuffer.allocate(end);
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isError()) {
            int at = bytes.position();
            long column = 1;
            for (int i = 0; i < at; i++) {
                column += (line[i] & 0xC0) != 0x80 ? 1 : 0;
            }
            return String.format(Locale.ROOT, "is not UTF-8 text (byte 0x%02X at line %d, column %d; save the file as "
                    + "UTF-8)", line[at] & 0xFF, lineNo, column);
        }
        chars.flip();
        String text = chars.toString();
        if (characters > GridMap.MAX_COLUMNS) {
            int cps = text.codePointCount(0, text.length());
            if (cps > GridMap.MAX_COLUMNS) {
                text = text.substring(0, text.offsetByCodePoints(0, GridMap.MAX_COLUMNS));
            }
        }
        sink.line(lineNo, text, characters);
        lineNo++;
        kept = 0;
        characters = 0;
        dropped = false;
        return null;
    }
}
