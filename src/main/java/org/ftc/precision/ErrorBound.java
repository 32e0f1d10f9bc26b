package org.ftc.precision;

import java.math.BigInteger;
import org.ftc.arith.Rational;

/**
 * A priori bounds on how far the constructions built in {@code ApfloatField(p)} miss their targets,
 * from {@code p} and the instance's {@link Conditioning}; derived in
 * proofs-notes/precision-error-bound.md. With {@code eps = 10^(2-p)}, {@code rho = T / gamma} and
 * {@code R^ = max(R, gamma)}, whenever {@code 100 (d + 3) rho eps <= 1}:
 * <ul>
 *   <li>T2U with {@code m} units: {@code |g~(x) - g(x)| <= 160 (d + 3) m R^ rho^2 eps};</li>
 *   <li>T3U with widths {@code m1, m2}: {@code |g~(x) - g(x)| <= 4000 (d + 3) m1 m2 R^ rho^3 eps}</li>
 * </ul>
 * at every sample {@code x}, where {@code g} is the exact construction and {@code g~} the rounded one,
 * evaluated exactly.
 */
public final class ErrorBound {
    private ErrorBound() {
    }

    /** {@code eps = 10^(2 - p)}: Apfloat's relative error per operation (below {@code 10^(1-p)}) with a factor 10 of margin. */
    public static Rational epsilon(long digits) {
        if (digits < 1) throw new IllegalArgumentException("precision must be at least 1 digit, got " + digits);
        BigInteger ten = BigInteger.TEN;
        return digits <= 2 ? Rational.of(ten.pow((int) (2 - digits))) : Rational.of(BigInteger.ONE, ten.pow((int) (digits - 2)));
    }

    /** The validity condition {@code 100 (d + 3) rho eps <= 1} of both bounds. */
    public static boolean valid(Conditioning c, long digits) {
        return Rational.of(100L * (c.d() + 3)).multiply(c.spread()).multiply(epsilon(digits)).compareTo(Rational.ONE) <= 0;
    }

    /** The least precision at which the bounds apply. */
    public static long minimalDigits(Conditioning c) {
        long p = 3;
        while (!valid(c, p)) p++;
        return p;
    }

    private static Rational residualScale(Conditioning c) {
        return c.residual().max(c.gap());
    }

    /** T2U: {@code 160 (d + 3) m R^ rho^2 eps}. */
    public static Rational twoLayer(Conditioning c, long digits, int m) {
        requireValid(c, digits);
        Rational rho = c.spread();
        return Rational.of(160L * (c.d() + 3) * m).multiply(residualScale(c)).multiply(rho).multiply(rho).multiply(epsilon(digits));
    }

    /** T3U: {@code 4000 (d + 3) m1 m2 R^ rho^3 eps}. */
    public static Rational threeLayer(Conditioning c, long digits, int m1, int m2) {
        requireValid(c, digits);
        Rational rho = c.spread();
        return Rational.of(4000L * (c.d() + 3) * m1 * m2).multiply(residualScale(c)).multiply(rho).multiply(rho).multiply(rho)
                .multiply(epsilon(digits));
    }

    private static void requireValid(Conditioning c, long digits) {
        if (!valid(c, digits)) {
            throw new IllegalArgumentException("the bound needs 100 (d + 3) rho 10^(2-p) <= 1; p = " + digits
                    + " is too small for rho = T/gamma = " + c.spread().doubleValue() + " (use at least " + minimalDigits(c) + " digits)");
        }
    }
}
