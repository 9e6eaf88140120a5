package dev.lantern.agents.api;

import java.util.List;

/**
 * The checks that config records' {@code validate(path, problems)} share: each adds one message naming the field under
 * the path and the value found, e.g. {@code agent.learningRate: must be > 0, got -1.0}, and adds nothing when the
 * value is fine. Non-finite values fail every bound except where stated.
 */
public final class FieldChecks {

    private final String path;
    private final List<String> problems;

    /** Checks fields under {@code path} (e.g. {@code agent}), adding messages to {@code problems}. */
    public FieldChecks(String path, List<String> problems) {
        this.path = path;
        this.problems = problems;
    }

    /** Adds {@code <path>.<field>: <message>} as it stands. */
    public void problem(String field, String message) {
        problems.add(path + "." + field + ": " + message);
    }

    /** {@code value} in {@code [min, max]}. */
    public void inRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            problem(field, "must be in [" + min + ", " + max + "], got " + value);
        }
    }

    /** {@code value >= 0}. */
    public void nonNegative(String field, long value) {
        if (value < 0) {
            problem(field, "must be >= 0, got " + value);
        }
    }

    /** {@code value > 0} and finite. */
    public void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            problem(field, "must be > 0, got " + value);
        }
    }

    /** {@code value >= 0} and finite. */
    public void nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            problem(field, "must be >= 0, got " + value);
        }
    }

    /** {@code value} in {@code [0, 1]}. */
    public void unit(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            problem(field, "must be in [0, 1], got " + value);
        }
    }

    /** {@code value} in {@code (0, 1]}. */
    public void unitExcludingZero(String field, double value) {
        if (!(value > 0 && value <= 1)) {
            problem(field, "must be in (0, 1], got " + value);
        }
    }

    /**
     * For {@link AgentConfig#warnings}: a learning rate above 1 (for Adam, the usual range is about 1e-5 to 1e-2),
     * which makes the first update move every parameter by about that much.
     */
    public void largeLearningRate(String field, double value) {
        if (value > 1) {
            problem(field, value + " is above 1, far outside the usual range (about 1e-5 to 1e-2 for Adam); training "
                    + "will likely diverge (the run goes ahead as configured)");
        }
    }

    /** The network's torso: exactly two layer widths, each in {@code [1, 4096]} ({@code hiddenSizes}). */
    public void hiddenSizes(List<Integer> sizes) {
        if (sizes.size() != 2) {
            problem("hiddenSizes", "must list exactly 2 layer widths, got " + sizes.size());
        }
        for (int i = 0; i < sizes.size(); i++) {
            Integer h = sizes.get(i);
            if (h == null || h < 1 || h > 4096) {
                problem("hiddenSizes[" + i + "]", "must be in [1, 4096], got " + h);
            }
        }
    }
}
