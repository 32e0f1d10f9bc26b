package org.ftc.arith;

import java.math.BigInteger;

/**
 * Integers as digits in base {@code 2^26}, the representation of the exact integer matrix-vector
 * product ({@code org.ftc.net.DyadicLayer}): the product of two digits is below {@code 2^52} in
 * magnitude, so a {@code long} lane can add {@value #LOAD_LIMIT} of them to a normalised lane
 * without overflow, and a carry pass ({@link #carry}) brings the lanes back to digits.
 *
 * <p>A number is a run of digits {@code d_lo .. d_hi-1} standing for {@code sum d_k 2^(26 k)}.
 * Converted numbers carry their sign on every digit ({@code -2^26 < d_k < 2^26}, all of one sign);
 * after {@link #carry} every lane but the top one is in {@code [0, 2^26)} and the top lane carries
 * the sign (a two's-complement-like form). Both forms multiply digit by digit within the bound.
 */
public final class Digits {
    private Digits() {
    }

    /** Bits per digit. */
    public static final int BITS = 26;
    public static final long MASK = (1L << BITS) - 1;
    /**
     * Digit products a lane may receive between carry passes: a normalised lane is below
     * {@code 2^26} in magnitude, each product below {@code 2^52}, and
     * {@code 2^26 + 2^10 * 2^52 < 2^63}.
     */
    public static final int LOAD_LIMIT = 1 << 10;

    /**
     * The digits of {@code value * 2^shift} ({@code shift >= 0}), each with the sign of the value,
     * from the lowest non-zero digit: {@code digits[0]} stands at position {@link #lowestPosition}.
     * Empty for zero.
     */
    public static int[] of(BigInteger value, int shift) {
        if (value.signum() == 0) return new int[0];
        BigInteger magnitude = value.abs();
        int lo = lowestPosition(value, shift);
        int hi = (magnitude.bitLength() + shift + BITS - 1) / BITS;
        // The magnitude shifted so that digit lo starts at bit 0.
        BigInteger m = magnitude.shiftLeft(shift - lo * BITS);
        int sign = value.signum();
        int[] d = new int[hi - lo];
        if (m.bitLength() <= 63) {
            long v = m.longValue();
            for (int k = 0; k < d.length; k++, v >>>= BITS) d[k] = sign * (int) (v & MASK);
        } else {
            for (int k = 0; k < d.length; k++) d[k] = sign * (m.shiftRight(k * BITS).intValue() & (int) MASK);
        }
        return d;
    }

    /** The position of the lowest non-zero digit of {@code value * 2^shift} (non-zero value). */
    public static int lowestPosition(BigInteger value, int shift) {
        return (value.getLowestSetBit() + shift) / BITS;
    }

    /**
     * One carry pass over {@code lanes[0..n)}: afterwards {@code lanes[0..n-1)} are digits in
     * {@code [0, 2^26)} and {@code lanes[n-1]} holds the rest, with the sign of the whole; the
     * value {@code sum lanes[k] 2^(26 k)} is unchanged.
     */
    public static void carry(long[] lanes, int n) {
        for (int k = 0; k < n - 1; k++) {
            long c = lanes[k] >> BITS;
            lanes[k] -= c << BITS;
            lanes[k + 1] += c;
        }
    }

    /** {@code sum lanes[k] 2^(26 k)} for {@code k < n}, after {@link #carry}. */
    public static BigInteger value(long[] lanes, int n) {
        int top = n - 1;
        while (top > 0 && lanes[top] == 0) top--;
        if (top == 0) return BigInteger.valueOf(lanes[0]);
        if (top == 1 && Math.abs(lanes[1]) < (1L << 36)) return BigInteger.valueOf((lanes[1] << BITS) + lanes[0]);
        // The digits below the top lane, non-negative, into a magnitude (most significant byte first).
        byte[] bytes = new byte[(top * BITS + 7) / 8];
        long window = 0;
        int filled = 0;
        int at = bytes.length - 1;
        for (int k = 0; k < top; k++) {
            window |= lanes[k] << filled;
            filled += BITS;
            while (filled >= 8) {
                bytes[at--] = (byte) window;
                window >>>= 8;
                filled -= 8;
            }
        }
        if (filled > 0) bytes[at] = (byte) window;
        return BigInteger.valueOf(lanes[top]).shiftLeft(top * BITS).add(new BigInteger(1, bytes));
    }
}
