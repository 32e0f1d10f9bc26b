package org.ftc.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ftc.arith.Rational;

/**
 * The guarded, strict reader of the protocol's exact numbers: {@code "-12"}, {@code "7/3"},
 * {@code "0.125"}, {@code "-2.5e-30"}, {@code "0x1.8p-3"}. Nothing goes through {@code double}.
 * The grammar is checked by regular expressions before any digit is converted, and the length and
 * exponent limits are applied before a {@link BigInteger} is built, so {@code "1e999999999"} costs
 * nothing. No whitespace, no {@code NaN}/{@code Infinity}, no empty parts ({@code "1."} and
 * {@code ".5"} are accepted as decimals, as in most languages' float printers).
 */
public final class NumberParser {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern FRACTION = Pattern.compile("([+-]?[0-9]+)/([0-9]+)");
    private static final Pattern DECIMAL = Pattern.compile("([+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+))(?:[eE]([+-]?[0-9]+))?");
    private static final Pattern HEX = Pattern.compile("([+-]?)0[xX]((?:[0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+))(?:[pP]([+-]?[0-9]+))?");

    private final ReadLimits limits;

    public NumberParser(ReadLimits limits) {
        this.limits = limits;
    }

    public static final NumberParser DEFAULT = new NumberParser(ReadLimits.DEFAULT);

    /**
     * The exact value of {@code text}. The {@link FormatException} has an empty path; readers put
     * the field path in front.
     */
    public Rational parse(String text) throws FormatException {
        if (text.length() > limits.maxNumberLength()) {
            throw new FormatException("", "number has " + text.length() + " characters, more than the limit of " + limits.maxNumberLength());
        }
        if (text.isEmpty()) throw new FormatException("", "empty number string");
        if (INTEGER.matcher(text).matches()) return Rational.of(new BigInteger(text));
        Matcher m = FRACTION.matcher(text);
        if (m.matches()) {
            BigInteger d = new BigInteger(m.group(2));
            if (d.signum() == 0) throw new FormatException("", "zero denominator in \"" + text + "\"");
            return Rational.of(new BigInteger(m.group(1)), d);
        }
        m = HEX.matcher(text);
        if (m.matches()) {
            int exponent = exponent(m.group(3), text);
            String mantissa = m.group(2);
            int dot = mantissa.indexOf('.');
            String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int fractionDigits = dot < 0 ? 0 : mantissa.length() - dot - 1;
            BigInteger v = new BigInteger(digits, 16);
            if (m.group(1).equals("-")) v = v.negate();
            long shift = (long) exponent - 4L * fractionDigits;
            return shift >= 0 ? Rational.of(v.shiftLeft((int) shift)) : Rational.of(v, BigInteger.ONE.shiftLeft((int) -shift));
        }
        m = DECIMAL.matcher(text);
        if (m.matches()) {
            int exponent = exponent(m.group(2), text);
            String mantissa = m.group(1);
            if (mantissa.endsWith(".")) mantissa = mantissa.substring(0, mantissa.length() - 1);
            // BigDecimal reads the mantissa exactly; the exponent is applied as a scale change.
            BigDecimal v = new BigDecimal(mantissa).scaleByPowerOfTen(exponent);
            return Rational.of(v);
        }
        throw new FormatException("", "not a number: \"" + shorten(text) + "\" (expected an integer, n/d, a decimal or a hex float such as 0x1.8p-3)");
    }

    private int exponent(String digits, String text) throws FormatException {
        if (digits == null) return 0;
        String unsigned = digits.replaceFirst("^[+-]", "");
        String stripped = unsigned.replaceFirst("^0+(?=.)", "");
        if (stripped.length() > 9 || Integer.parseInt(stripped) > limits.maxExponent()) {
            throw new FormatException("", "exponent " + shorten(digits) + " in \"" + shorten(text) + "\" is beyond the limit of ±" + limits.maxExponent());
        }
        int e = Integer.parseInt(stripped);
        return digits.startsWith("-") ? -e : e;
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
