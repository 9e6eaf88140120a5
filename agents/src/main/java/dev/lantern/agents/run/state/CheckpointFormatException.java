package dev.lantern.agents.run.state;

/**
 * A checkpoint's agent state cannot be read: it is truncated, corrupt, or was written by a different agent or
 * configuration. The message names the file (when known) and the section where reading failed.
 */
public final class CheckpointFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}. */
    public CheckpointFormatException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, caused by {@code cause}. */
    public CheckpointFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
