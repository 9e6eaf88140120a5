package dev.lantern.agents.run;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test hook, not a feature: faults injected into the writes of run files, so that tests can kill a run at a chosen
 * write (as {@code SIGKILL} would) or fill the disk (as {@code ENOSPC} would) without a real small file system. The
 * system property {@value #PROPERTY} lists rules {@code kind:file:n}, comma-separated, where {@code file} is a run
 * file's name ({@code metrics.jsonl}, {@code steps.jsonl}, {@code neurons.jsonl}, {@code manifest.json},
 * {@code config.json}, {@code network.zip}, {@code state.json}, {@code agent.state}, {@code recorders.state},
 * {@code parameters.f64}, {@code summary.json}) and {@code n} counts that file's writes in this process from 1 (a
 * line of a line file, or a whole file):
 * <ul>
 *   <li>{@code halt:metrics.jsonl:40}: the 40th line is half written, then the process stops at once
 *       ({@link Runtime#halt}, exit code {@value #HALT_STATUS}, no shutdown hooks), as a kill would leave it;</li>
 *   <li>{@code enospc:metrics.jsonl:40}: the 40th line is half written and fails with "No space left on device", and
 *       so does every later write of that file in this process (the disk stays full).</li>
 * </ul>
 * Unset (always, outside tests), a write costs one property look-up.
 */
final class FaultInjection {

    /** The system property holding the rules. */
    static final String PROPERTY = "lantern.test.faults";
    /** The exit code of a process stopped by a {@code halt} rule. */
    static final int HALT_STATUS = 137;
    /** The message of an injected full disk, as the operating system words it. */
    static final String NO_SPACE = "No space left on device";

    private static final Map<String, AtomicLong> WRITES = new ConcurrentHashMap<>();
    private static String activeSpec;

    private FaultInjection() {
    }

    /** Writes part of the data about to be written, before a fault. */
    @FunctionalInterface
    interface PartialWrite {
        void run() throws IOException;
    }

    private record Rule(boolean halt, String file, long n) {
    }

    /**
     * One write of {@code file} is about to happen; if a rule names it, {@code partial} writes part of its data and the
     * process halts or the write fails.
     *
     * @throws IOException "No space left on device", from an {@code enospc} rule
     */
    static void beforeWrite(Path file, PartialWrite partial) throws IOException {
        String spec = System.getProperty(PROPERTY);
        if (spec == null || spec.isBlank()) {
            return;
        }
        String name = file.getFileName().toString();
        List<Rule> rules = rulesFor(spec, name);
        if (rules.isEmpty()) {
            return;
        }
        long count;
        synchronized (FaultInjection.class) {
            if (!spec.equals(activeSpec)) { // new rules count from the start
                WRITES.clear();
                activeSpec = spec;
            }
            count = WRITES.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
        }
        for (Rule r : rules) {
            if (r.halt() && count == r.n()) {
                partial.run();
                Runtime.getRuntime().halt(HALT_STATUS);
            } else if (!r.halt() && count >= r.n()) {
                if (count == r.n()) {
                    partial.run();
                }
                throw new IOException(NO_SPACE);
            }
        }
    }

    /**
     * {@code out}, through which {@code file} is written as one write (a checkpoint file): a rule naming it acts on the
     * first bytes written, after half of them went through.
     */
    static OutputStream wrap(Path file, OutputStream out) throws IOException {
        String spec = System.getProperty(PROPERTY);
        if (spec == null || spec.isBlank() || rulesFor(spec, file.getFileName().toString()).isEmpty()) {
            return out;
        }
        return new FilterOutputStream(out) {
            private boolean checked;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (!checked) {
                    checked = true;
                    beforeWrite(file, () -> {
                        out.write(b, off, len / 2);
                        out.flush();
                    });
                }
                out.write(b, off, len);
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
        };
    }

    /** Forgets the writes counted so far (tests that use the same rules twice in one process). */
    static synchronized void reset() {
        WRITES.clear();
        activeSpec = null;
    }

    private static List<Rule> rulesFor(String spec, String name) {
        List<Rule> rules = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] f = part.trim().split(":");
            if (f.length != 3 || !(f[0].equals("halt") || f[0].equals("enospc"))) {
                throw new IllegalArgumentException(PROPERTY + ": expected kind:file:n (kind halt or enospc), got '"
                        + part + "'");
            }
            if (f[1].equals(name)) {
                rules.add(new Rule(f[0].equals("halt"), f[1], Long.parseLong(f[2])));
            }
        }
        return rules;
    }
}
