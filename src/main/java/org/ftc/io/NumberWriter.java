package org.ftc.io;

import java.math.BigInteger;
import org.ftc.arith.Rational;

/**
 * The canonical exact text of a number in the formats: {@code "n"} or {@code "n/d"} in lowest terms,
 * unless the value is a decimal whose scientific form {@code "me k"} is strictly shorter (for example
 * {@code 1e-10000} instead of a 10,003-character fraction), or a dyadic value whose hex form
 * {@code "0x<hex>p<e>"} is shorter still (for example {@code 0xfff...fp0}). Either way the text is exact and
 * deterministic, and the writers never emit a number the readers' length limit would refuse merely
 * because of how it was spelled.
 */
public final class NumberWriter {
    /** Below this length the fraction form is always used (the decimal form cannot save much). */
    private static final int SHORT = 24;

    private NumberWriter() {
    }

    public static String format(Rational q) {
        String fraction = q.toString();
        if (fraction.length() <= SHORT) return fraction;
        String best = fraction;
        String scientific = scientific(q);
        if (scientific != null && scientific.length() < best.length()) best = scientific;
        String hex = hex(q);
        if (hex != null && hex.length() < best.length()) best = hex;
        return best;
    }

    /**
     * {@code [-]0x<hex>p<e>} for a dyadic value {@code m 2^e} ({@code m} odd), or null if the
     * denominator is not a power of two. The binary exponent is kept within the readers' limit by
     * moving bits into the mantissa (with hex fraction digits for very small values).
     */
    static String hex(Rational q) {
        BigInteger den = q.denominator();
        if (den.bitCount() != 1) return null;
        BigInteger num = q.numerator();
        if (num.signum() == 0) return "0";
        String sign = num.signum() < 0 ? "-" : "";
        BigInteger m = num.abs();
        long e = -(long) den.getLowestSetBit();
        int zeros = m.getLowestSetBit();
        m = m.shiftRight(zeros);
        e += zeros;
        long max = ReadLimits.DEFAULT.maxExponent();
        if (e > max) {
            m = m.shiftLeft((int) Math.min(Integer.MAX_VALUE - 64, e - max));
            e = max;
        }
        if (e >= -max) return sign + "0x" + m.toString(16) + "p" + e;
        // m 2^e = (m / 2^s) 2^-max with s = -max - e; write m / 2^s with s rounded up to whole hex digits.
        long s = -max - e;
        long digits = (s + 3) / 4;
        BigInteger scaled = m.shiftLeft((int) Math.min(Integer.MAX_VALUE - 64, 4 * digits - s));
        String h = scaled.toString(16);
        if (h.length() <= digits) h = "0".repeat((int) (digits - h.length() + 1)) + h;
        String whole = h.substring(0, h.length() - (int) digits);
        String frac = h.substring(h.length() - (int) digits).replaceFirst("0+$", "");
        if (whole.matches("0+")) whole = ""; // "0x.8p-10000": as short as any input can spell it
        return sign + "0x" + (whole.isEmpty() && frac.isEmpty() ? "0" : whole) + (frac.isEmpty() ? "" : "." + frac) + "p-" + max;
    }

    /** {@code m e k} with {@code m} an integer not divisible by 10, or null if the value is not a finite decimal. */
    static String scientific(Rational q) {
        BigInteger num = q.numerator();
        BigInteger den = q.denominator();
        int twos = den.getLowestSetBit();
        BigInteger rest = den.shiftRight(twos);
        int fives = 0;
        BigInteger five = BigInteger.valueOf(5);
        while (true) {
            BigInteger[] qr = rest.divideAndRemainder(five);
            if (qr[1].signum() != 0) break;
            rest = qr[0];
            fives++;
        }
        if (!rest.equals(BigInteger.ONE)) return null;
        int c = Math.max(twos, fives);
        // q = num * 2^(c - twos) * 5^(c - fives) / 10^c
        BigInteger m = num.shiftLeft(c - twos).multiply(five.pow(c - fives));
        long exponent = -c;
        if (m.signum() == 0) return "0";
        // Strip trailing zeros of m.
        String digits = m.abs().toString();
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') end--;
        exponent += digits.length() - end;
        String d = digits.substring(0, end);
        String sign = m.signum() < 0 ? "-" : "";
        // Keep the exponent within the readers' limit: move digits into the mantissa instead
        // (50 x 10^10000 is "50e10000", 5 x 10^-10001 is "0.5e-10000"), as a valid input may be.
        long max = ReadLimits.DEFAULT.maxExponent();
        if (exponent > max) {
            d = d + "0".repeat((int) Math.min(Integer.MAX_VALUE - 16, exponent - max));
            exponent = max;
        } else if (exponent < -max) {
            int shift = (int) Math.min(Integer.MAX_VALUE - 16, -max - exponent);
            d = shift >= d.length() ? "." + "0".repeat(shift - d.length()) + d : d.substring(0, d.length() - shift) + "." + d.substring(d.length() - shift);
            exponent = -max;
        }
        return exponent == 0 ? sign + d : sign + d + "e" + exponent;
    }
}
