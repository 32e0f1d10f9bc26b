package org.ftc.gate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ftc.bounds.Budget;

/**
 * The neuron budget a verdict holds an answer to, as a function of the asked depth and {@code N}.
 * {@code default}: the proven budgets of the answer protocol (v1), {@code B2(N) = 3N} for depth 2 and
 * {@link Budget#threeLayerUpper} ({@code B3(N)}) for depth 3, no budget for other depths; {@code tl}:
 * the same at depths 2 and 3 and {@code B3(N) + (L - 3)} at depth {@code L >= 4}
 * ({@link Budget#depthUpper}, what the suite's depth-L construction stays within); {@code t3c}: T3C's guaranteed
 * count {@link Budget#threeLayerCutsUpper} at depth 3 and that {@code + (L - 3)} at depth {@code L}
 * ({@link Budget#depthCutsUpper}; {@code 3N} at depth 2); {@code none}: no budget;
 * a number {@code c}: {@code c} neurons whatever {@code N}; {@code aN+b} (for example {@code 2N+1}):
 * linear in {@code N}.
 */
public record BudgetRule(String text, Kind kind, long a, long b) {
    public enum Kind { DEFAULT, TL, T3C, NONE, LINEAR }

    private static final Pattern LINEAR = Pattern.compile("(?:(\\d+)\\*?)?N(?:\\+(\\d+))?");

    public static final BudgetRule DEFAULT = new BudgetRule("default", Kind.DEFAULT, 0, 0);
    public static final BudgetRule TL = new BudgetRule("tl", Kind.TL, 0, 0);
    public static final BudgetRule T3C = new BudgetRule("t3c", Kind.T3C, 0, 0);
    public static final BudgetRule NONE = new BudgetRule("none", Kind.NONE, 0, 0);

    /** Parses {@code default}, {@code none}, {@code 17}, {@code 3N}, {@code 2N+1}, {@code N}. */
    public static BudgetRule parse(String text) {
        String t = text.trim().replace(" ", "");
        if (t.equals("default")) return DEFAULT;
        if (t.equals("none")) return NONE;
        if (t.equals("t3c")) return T3C;
        if (t.equals("tl")) return TL;
        if (t.matches("\\d{1,15}")) return new BudgetRule(t, Kind.LINEAR, 0, Long.parseLong(t));
        Matcher m = LINEAR.matcher(t);
        if (m.matches() && (m.group(1) == null || m.group(1).length() <= 9) && (m.group(2) == null || m.group(2).length() <= 15)) {
            long a = m.group(1) == null ? 1 : Long.parseLong(m.group(1));
            long b = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            return new BudgetRule(t, Kind.LINEAR, a, b);
        }
        throw new IllegalArgumentException("budget must be 'default', 'tl', 't3c', 'none', a number, or 'aN+b' such as '3N' or '2N+1', got '" + text + "'");
    }

    /** The budget for depth {@code depth} and {@code n} changes; empty when there is none. */
    public java.util.OptionalLong budget(int depth, int n) {
        switch (kind) {
            case NONE:
                return java.util.OptionalLong.empty();
            case LINEAR:
                return java.util.OptionalLong.of(a * n + b);
            case T3C:
                if (depth < 2) return java.util.OptionalLong.empty();
                return java.util.OptionalLong.of(Budget.depthCutsUpper(depth, n));
            case TL:
                if (depth < 2) return java.util.OptionalLong.empty();
                return java.util.OptionalLong.of(Budget.depthUpper(depth, n));
            default:
                if (depth == 2) return java.util.OptionalLong.of(Budget.twoLayerUpper(n));
                if (depth == 3) return java.util.OptionalLong.of(Budget.threeLayerUpper(n));
                return java.util.OptionalLong.empty();
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
