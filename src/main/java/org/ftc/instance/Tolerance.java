package org.ftc.instance;

import org.ftc.arith.NumberText;
import org.ftc.arith.Rational;

/**
 * When a computed output counts as meeting its target: {@code |actual - wanted| <= atol + rtol |wanted|},
 * numpy's {@code allclose} rule (with {@code wanted} in the role of numpy's second argument), decided
 * in exact rational arithmetic. {@link #EXACT} ({@code 0, 0}) asks for equality.
 */
public record Tolerance(Rational absolute, Rational relative) {
    public static final Tolerance EXACT = new Tolerance(Rational.ZERO, Rational.ZERO);

    public Tolerance {
        if (absolute.signum() < 0) throw new IllegalArgumentException("the absolute tolerance must be non-negative, got " + absolute);
        if (relative.signum() < 0) throw new IllegalArgumentException("the relative tolerance must be non-negative, got " + relative);
    }

    public static Tolerance absolute(Rational atol) {
        return new Tolerance(atol, Rational.ZERO);
    }

    public boolean isExact() {
        return absolute.signum() == 0 && relative.signum() == 0;
    }

    /** The largest error allowed at a sample whose target is {@code wanted}. */
    public Rational allowed(Rational wanted) {
        return relative.signum() == 0 ? absolute : absolute.add(relative.multiply(wanted.abs()));
    }

    /** Whether {@code actual} meets {@code wanted}, exactly. */
    public boolean admits(Rational actual, Rational wanted) {
        return actual.subtract(wanted).abs().compareTo(allowed(wanted)) <= 0;
    }

    /** {@code tolerance 1/1000000000}, {@code tolerance 0 + 1/1000 |wanted|}, as messages show it. */
    public String describe() {
        if (relative.signum() == 0) return "tolerance " + NumberText.of(absolute);
        return "tolerance " + NumberText.of(absolute) + " + " + NumberText.of(relative) + " |wanted|";
    }
}
