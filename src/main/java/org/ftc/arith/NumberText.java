package org.ftc.arith;

import java.math.BigInteger;

/**
 * How an exact number is shown to a person in a message (never parsed back): the exact text when
 * it is short, with its approximate value beside it ({@code 3/11 (~0.273)}); a long number as its
 * first and last digits, its digit count and its approximate value
 * ({@code 1/1234...5678 (1 / 9,990 digits, ~8.1e-9990)}), so that a verdict about a 10,000-digit
 * error stays one readable line. The approximation is computed from the leading bits only, so it
 * costs nothing even for huge operands. Plain ASCII, so a message survives any terminal encoding.
 */
public final class NumberText {
    /** Exact texts up to this many characters are shown in full. */
    public static final int SHORT = 40;
    private static final int EDGE = 4;
    private static final double LOG10_2 = Math.log10(2);

    private NumberText() {
    }

    /** The exact value when short (with {@code (~approximation)} unless it is an integer), else abbreviated with the approximation. */
    public static String of(Rational q) {
        String text = shortText(q);
        if (text != null) return q.isInteger() ? text : text + " (~" + approximate(q) + ")";
        return abbreviate(q, ", ~" + approximate(q));
    }

    /** The exact text when it has at most {@link #SHORT} characters, else first and last digits with the digit counts. */
    public static String exactOrShort(Rational q) {
        String text = shortText(q);
        return text != null ? text : abbreviate(q, "");
    }

    /** The exact text if it has at most {@link #SHORT} characters, else null (found from the bit lengths first: no full conversion of a long number). */
    private static String shortText(Rational q) {
        // 3.3 bits per decimal digit: over 4 * SHORT bits in all, the text has more than SHORT characters.
        if (q.numerator().bitLength() + q.denominator().bitLength() > 4 * SHORT) return null;
        String text = q.toString();
        return text.length() <= SHORT ? text : null;
    }

    private static String abbreviate(Rational q, String note) {
        BigInteger n = q.numerator(), d = q.denominator();
        Digits nd = Digits.of(n.abs());
        String sign = n.signum() < 0 ? "-" : "";
        if (d.equals(BigInteger.ONE)) return sign + nd.cut() + " (" + grouped(nd.count()) + " digits" + note + ")";
        Digits dd = Digits.of(d);
        return sign + nd.cut() + "/" + dd.cut() + " (" + grouped(nd.count()) + " / " + grouped(dd.count()) + " digits" + note + ")";
    }

    /**
     * The decimal digit count and the first and last {@link #EDGE} digits of {@code n > 0}. A long
     * number is not converted in full (a quadratic-time conversion for the default {@code toString}
     * of a 100,000-digit number, repeated for every failing sample of a verdict): the count is at
     * least {@code c0 = floor((bits - 1) log10 2) - 1}, so {@code n / 10^(c0 - EDGE)} holds the
     * leading digits and tells the count exactly; the last digits are {@code n mod 10^EDGE}.
     */
    record Digits(int count, String first, String last) {
        private static final int CONVERT_BELOW_BITS = 2048;

        static Digits of(BigInteger n) {
            if (n.bitLength() < CONVERT_BELOW_BITS) {
                String s = n.toString();
                return s.length() <= 2 * EDGE + 1 ? new Digits(s.length(), s, "")
                        : new Digits(s.length(), s.substring(0, EDGE), s.substring(s.length() - EDGE));
            }
            int c0 = (int) Math.floor((n.bitLength() - 1) * LOG10_2) - 1;
            String lead = n.divide(BigInteger.TEN.pow(c0 - EDGE)).toString();
            String last = n.mod(BigInteger.TEN.pow(EDGE)).toString();
            return new Digits(lead.length() + c0 - EDGE, lead.substring(0, EDGE), "0".repeat(EDGE - last.length()) + last);
        }

        String cut() {
            return last.isEmpty() ? first : first + "..." + last;
        }
    }

    /**
     * The value to about three significant digits: plain between {@code 1e-3} and {@code 1e6}
     * ({@code 0.273}, {@code -41.5}), otherwise {@code 2.7e-13}; exact zero is {@code 0}.
     */
    public static String approximate(Rational q) {
        int sign = q.signum();
        if (sign == 0) return "0";
        BigInteger a = q.numerator().abs(), d = q.denominator();
        int sa = Math.max(0, a.bitLength() - 62), sd = Math.max(0, d.bitLength() - 62);
        double ratio = a.shiftRight(sa).doubleValue() / d.shiftRight(sd).doubleValue();
        double log10 = Math.log10(ratio) + (double) (sa - sd) * LOG10_2;
        long exponent = (long) Math.floor(log10);
        double mantissa = Math.pow(10, log10 - exponent);
        String s = sign < 0 ? "-" : "";
        if (exponent >= -3 && exponent < 6) {
            double v = mantissa * Math.pow(10, exponent);
            return s + new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        }
        long tenths = Math.round(mantissa * 10);
        if (tenths >= 100) {
            tenths = 10;
            exponent++;
        }
        return s + (tenths / 10) + "." + (tenths % 10) + "e" + exponent;
    }

    private static String grouped(int n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
