package dev.lantern.agents.api;

/**
 * Forces a {@link ComputePath} for the duration of a try-with-resources block, through the same system property a
 * user sets ({@value ComputePath#PROPERTY}), and restores what was there; the decision counters start at zero.
 * Tests run one at a time in a JVM (surefire's default), so the property is not seen by another test.
 */
public final class ForcedComputePath implements AutoCloseable {

    private final String previous;

    private ForcedComputePath(String request) {
        previous = System.getProperty(ComputePath.PROPERTY);
        System.setProperty(ComputePath.PROPERTY, request);
        ComputePath.resetCounts();
    }

    /** Forces {@code path} ({@code host} or {@code nd4j} as the property spells it). */
    public static ForcedComputePath force(ComputePath path) {
        return new ForcedComputePath(path.hostBuffers() ? "host" : "nd4j");
    }

    /** Restores the property as it was. */
    @Override
    public void close() {
        if (previous == null) {
            System.clearProperty(ComputePath.PROPERTY);
        } else {
            System.setProperty(ComputePath.PROPERTY, previous);
        }
    }
}
