package org.ftc.gate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ftc.arith.Rational;

/**
 * Simpler numbers to try in place of a number while shrinking: small integers first (0, the sign,
 * the integer part), then small denominators (the continued-fraction convergents). "Simpler" is
 * the order of {@link #COMPLEXITY}: denominator size, then numerator size, then value (a
 * positive before its negation).
 */
final class SimplerRationals {
    /** At most this many convergents are offered (each is one try). */
    private static final int CONVERGENTS = 6;

    /** The simplicity order: smaller denominator, then smaller numerator magnitude, then positive first. */
    static final Comparator<Rational> COMPLEXITY = Comparator.<Rational>comparingInt(q -> q.denominator().bitLength())
            .thenComparing(q -> q.numerator().abs())
            .thenComparing(Rational::denominator)
            .thenComparingInt(q -> -q.signum());

    private SimplerRationals() {
    }

    /** Strictly simpler candidates for {@code v}, simplest first. */
    static List<Rational> candidates(Rational v) {
        Set<Rational> out = new LinkedHashSet<>();
        out.add(Rational.ZERO);
        if (v.signum() != 0) out.add(Rational.of(v.signum()));
        out.add(Rational.ONE);
        out.add(Rational.MINUS_ONE);
        BigInteger trunc = v.signum() >= 0 ? v.floor() : v.ceil();
        out.add(Rational.of(trunc));
        out.add(Rational.of(v.floor()));
        out.add(Rational.of(v.ceil()));
        // an integer magnitude halved, for long integers: 2^k-ish steps toward 0
        BigInteger m = trunc.abs();
        for (int i = 0; i < 3 && m.bitLength() > 2; i++) {
            m = m.shiftRight(Math.max(1, m.bitLength() / 2));
            out.add(Rational.of(trunc.signum() < 0 ? m.negate() : m));
        }
        out.addAll(convergents(v));
        List<Rational> simpler = new ArrayList<>();
        for (Rational q : out) if (COMPLEXITY.compare(q, v) < 0) simpler.add(q);
        simpler.sort(COMPLEXITY);
        return simpler;
    }

    /** The first continued-fraction convergents of {@code v} (best approximations with small denominators). */
    static List<Rational> convergents(Rational v) {
        List<Rational> out = new ArrayList<>();
        BigInteger p0 = BigInteger.ONE, q0 = BigInteger.ZERO, p1 = v.floor(), q1 = BigInteger.ONE;
        Rational rest = v.subtract(Rational.of(p1));
        out.add(Rational.of(p1));
        while (!rest.isZero() && out.size() < CONVERGENTS) {
            Rational inv = rest.reciprocal();
            BigInteger a = inv.floor();
            rest = inv.subtract(Rational.of(a));
            BigInteger p2 = a.multiply(p1).add(p0), q2 = a.multiply(q1).add(q0);
            out.add(Rational.of(p2, q2));
            p0 = p1;
            q0 = q1;
            p1 = p2;
            q1 = q2;
        }
        return out;
    }
}
