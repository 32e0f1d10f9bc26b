package org.ftc.io;

import java.math.BigInteger;
import org.ftc.arith.Rational;

/**
 * The one strict grammar of exact numbers, used by every reader and by {@code Rational.parse}:
 *
 * <pre>
 * number   = integer | fraction | decimal | hex
 * integer  = sign? digit+
 * fraction = sign? digit+ "/" digit+                      (denominator not 0)
 * decimal  = sign? (digit+ ("." digit*)? | "." digit+) (("e" | "E") sign? digit+)?
 * hex      = sign? "0" ("x" | "X") (hexdigit+ ("." hexdigit*)? | "." hexdigit+) (("p" | "P") sign? digit+)?
 * sign     = "+" | "-"
 * </pre>
 *
 * Nothing else: no whitespace anywhere, no sign after {@code /} or {@code 0x}, no {@code NaN} or
 * {@code Infinity}, nothing through {@code double}. The text is scanned once, by hand; the length
 * limit is applied before scanning and the exponent limit on the exponent's digits before any value
 * is built, so {@code "1e999999999"} costs nothing. Values are built straight from the digits: in a
 * {@code long} when the significant digits fit (up to 18 decimal or 15 hex digits), as a
 * {@link BigInteger} only beyond that; a decimal {@code m·10^k} and a hex float {@code m·2^k} become
 * numerator and denominator directly.
 */
public final class NumberParser {
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) POW10[i] = POW10[i - 1] * 10;
    }

    private final ReadLimits limits;

    public NumberParser(ReadLimits limits) {
        this.limits = limits;
    }

    public static final NumberParser DEFAULT = new NumberParser(ReadLimits.DEFAULT);

    /** The grammar with no length limit and the default exponent limit: what {@code Rational.parse} uses. */
    public static final NumberParser ANY_LENGTH = new NumberParser(ReadLimits.DEFAULT.withMaxNumberLength(Integer.MAX_VALUE));

    /**
     * Parses {@code "-12"}, {@code "7/3"}, {@code "0.125"}, {@code "-2.5e-30"} or a hexadecimal
     * floating literal such as {@code "0x1.8p-3"}, always exactly, in the one strict grammar of the
     * formats (no whitespace, no sign after {@code /} or {@code 0x}), with no length limit and
     * exponents within ±10,000: for code and tests that write numbers as text.
     *
     * @throws NumberFormatException if {@code text} is not in the grammar
     */
    public static Rational exact(String text) {
        try {
            return ANY_LENGTH.parse(text);
        } catch (FormatException e) {
            throw new NumberFormatException(e.problem());
        }
    }

    /**
     * The exact value of {@code text}. The {@link FormatException} has an empty path; readers put
     * the field path in front.
     */
    public Rational parse(String text) throws FormatException {
        return parse(text.toCharArray(), 0, text.length());
    }

    /** The exact value of {@code s[off .. off + len)}, as {@link #parse(String)}. */
    public Rational parse(char[] s, int off, int len) throws FormatException {
        if (len > limits.maxNumberLength()) {
            throw new FormatException("", "number has " + len + " characters, more than the limit of " + limits.maxNumberLength());
        }
        if (len == 0) throw new FormatException("", "empty number string");
        int end = off + len;
        int i = off;
        boolean negative = false;
        if (s[i] == '+' || s[i] == '-') {
            negative = s[i] == '-';
            i++;
        }
        if (i + 1 < end && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) return hex(s, off, i + 2, end, negative);
        int intStart = i;
        while (i < end && isDigit(s[i])) i++;
        int intEnd = i;
        if (i == end) {
            if (intEnd == intStart) throw notANumber(s, off, len);
            if (intEnd - intStart <= 18) {
                long v = digits(s, intStart, intEnd);
                return Rational.of(negative ? -v : v);
            }
            return Rational.of(integer(s, intStart, intEnd, negative));
        }
        if (s[i] == '/') {
            int denStart = i + 1;
            i = denStart;
            while (i < end && isDigit(s[i])) i++;
            if (intEnd == intStart || i == denStart || i != end) throw notANumber(s, off, len);
            if (allZero(s, denStart, end)) throw new FormatException("", "zero denominator in \"" + new String(s, off, len) + "\"");
            if (intEnd - intStart <= 18 && end - denStart <= 18) {
                long n = digits(s, intStart, intEnd);
                return Rational.of(negative ? -n : n, digits(s, denStart, end));
            }
            return Rational.of(integer(s, intStart, intEnd, negative), new BigInteger(new String(s, denStart, end - denStart)));
        }
        int fracStart = intEnd;
        int fracEnd = intEnd;
        if (s[i] == '.') {
            fracStart = ++i;
            while (i < end && isDigit(s[i])) i++;
            fracEnd = i;
        }
        if (intEnd == intStart && fracEnd == fracStart) throw notANumber(s, off, len);
        int expStart = -1;
        if (i < end && (s[i] == 'e' || s[i] == 'E')) {
            expStart = ++i;
            i = exponentEnd(s, i, end);
        }
        if (i != end) throw notANumber(s, off, len);
        long scale = (expStart < 0 ? 0 : exponent(s, expStart, end, off, len)) - (long) (fracEnd - fracStart);
        // The significant digits of int and fraction parts, in a long while they fit.
        long m = 0;
        int significant = 0;
        for (int k = intStart; k < fracEnd; k++) {
            if (k == intEnd) k = fracStart;
            if (k >= fracEnd) break;
            if (m == 0 && s[k] == '0') continue;
            if (++significant > 18) break;
            m = m * 10 + (s[k] - '0');
        }
        if (m == 0) return Rational.ZERO;
        if (significant <= 18) {
            if (scale >= 0) {
                if (scale <= 18 && m <= Long.MAX_VALUE / POW10[(int) scale]) return Rational.of(negative ? -m * POW10[(int) scale] : m * POW10[(int) scale]);
                return Rational.of(BigInteger.valueOf(negative ? -m : m).multiply(BigInteger.TEN.pow((int) scale)));
            }
            if (-scale <= 18) return Rational.of(negative ? -m : m, POW10[(int) -scale]);
            return Rational.of(BigInteger.valueOf(negative ? -m : m), BigInteger.TEN.pow((int) -scale));
        }
        StringBuilder all = new StringBuilder(fracEnd - intStart).append(s, intStart, intEnd - intStart).append(s, fracStart, fracEnd - fracStart);
        BigInteger big = new BigInteger(all.toString());
        if (negative) big = big.negate();
        return scale >= 0 ? Rational.of(big.multiply(BigInteger.TEN.pow((int) scale))) : Rational.of(big, BigInteger.TEN.pow((int) -scale));
    }

    /** After {@code 0x} at {@code start}: hex digits with an optional point, then an optional binary exponent. */
    private Rational hex(char[] s, int off, int start, int end, boolean negative) throws FormatException {
        int len = end - off;
        int i = start;
        while (i < end && Character.digit(s[i], 16) >= 0 && s[i] < 128) i++;
        int intEnd = i;
        int fracStart = i;
        int fracEnd = i;
        if (i < end && s[i] == '.') {
            fracStart = ++i;
            while (i < end && Character.digit(s[i], 16) >= 0 && s[i] < 128) i++;
            fracEnd = i;
        }
        if (intEnd == start && fracEnd == fracStart) throw notANumber(s, off, len);
        int expStart = -1;
        if (i < end && (s[i] == 'p' || s[i] == 'P')) {
            expStart = ++i;
            i = exponentEnd(s, i, end);
        }
        if (i != end) throw notANumber(s, off, len);
        long shift = (expStart < 0 ? 0 : exponent(s, expStart, end, off, len)) - 4L * (fracEnd - fracStart);
        long m = 0;
        int significant = 0;
        for (int k = start; k < fracEnd; k++) {
            if (k == intEnd) k = fracStart;
            if (k >= fracEnd) break;
            int digit = Character.digit(s[k], 16);
            if (m == 0 && digit == 0) continue;
            if (++significant > 15) break;
            m = (m << 4) | digit;
        }
        if (m == 0) return Rational.ZERO;
        if (significant <= 15) {
            if (shift >= 0) {
                if (shift < Long.numberOfLeadingZeros(m) - 1) return Rational.of(negative ? -(m << shift) : m << shift);
                return Rational.of(BigInteger.valueOf(negative ? -m : m).shiftLeft((int) shift));
            }
            int twos = (int) Math.min(Long.numberOfTrailingZeros(m), -shift);
            m >>= twos;
            shift += twos;
            if (-shift <= 62) return Rational.of(negative ? -m : m, 1L << -shift);
            return Rational.of(BigInteger.valueOf(negative ? -m : m), BigInteger.ONE.shiftLeft((int) -shift));
        }
        StringBuilder all = new StringBuilder(fracEnd - start).append(s, start, intEnd - start).append(s, fracStart, fracEnd - fracStart);
        BigInteger v = new BigInteger(all.toString(), 16);
        if (negative) v = v.negate();
        return shift >= 0 ? Rational.of(v.shiftLeft((int) shift)) : Rational.of(v, BigInteger.ONE.shiftLeft((int) -shift));
    }

    /** The end of an exponent's {@code sign? digit+} starting at {@code i}, or -1 if it has no digits. */
    private static int exponentEnd(char[] s, int i, int end) {
        if (i < end && (s[i] == '+' || s[i] == '-')) i++;
        int digits = i;
        while (i < end && isDigit(s[i])) i++;
        return i == digits ? -1 : i;
    }

    /** The exponent {@code s[start .. end)} ({@code sign? digit+}), refused beyond the limit before it is converted. */
    private int exponent(char[] s, int start, int end, int off, int len) throws FormatException {
        boolean negative = s[start] == '-';
        int i = s[start] == '+' || s[start] == '-' ? start + 1 : start;
        while (i < end - 1 && s[i] == '0') i++;
        if (end - i > 9 || digits(s, i, end) > limits.maxExponent()) {
            throw new FormatException("", "exponent " + shorten(new String(s, start, end - start)) + " in \"" + shorten(new String(s, off, len))
                    + "\" is beyond the limit of ±" + limits.maxExponent());
        }
        int e = (int) digits(s, i, end);
        return negative ? -e : e;
    }

    private static BigInteger integer(char[] s, int start, int end, boolean negative) {
        if (end - start <= 18) {
            long v = digits(s, start, end);
            return BigInteger.valueOf(negative ? -v : v);
        }
        BigInteger v = new BigInteger(new String(s, start, end - start));
        return negative ? v.negate() : v;
    }

    /** The value of at most 18 decimal digits. */
    private static long digits(char[] s, int start, int end) {
        long v = 0;
        for (int i = start; i < end; i++) v = v * 10 + (s[i] - '0');
        return v;
    }

    private static boolean allZero(char[] s, int start, int end) {
        for (int i = start; i < end; i++) if (s[i] != '0') return false;
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static FormatException notANumber(char[] s, int off, int len) {
        return new FormatException("", "not a number: \"" + shorten(new String(s, off, len))
                + "\" (expected an integer, n/d, a decimal or a hex float such as 0x1.8p-3)");
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
