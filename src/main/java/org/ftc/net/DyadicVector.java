package org.ftc.net;

import java.math.BigInteger;
import org.ftc.arith.Digits;
import org.ftc.arith.Rational;

/**
 * A vector of dyadic rationals over one power of two, {@code v_j = V_j / 2^scale} with integers
 * {@code V_j} in base-{@code 2^26} digits ({@link Digits}): the input and hidden values of
 * {@link DyadicLayer}. Entry {@code j} is the digits {@code digits[j*stride + k]} for
 * {@code lo[j] <= k < hi[j]} (none for zero). The last entry is always the constant {@code 1}
 * ({@code 2^scale}), the input the layer's biases multiply.
 */
final class DyadicVector {
    final int scale;
    final int stride;
    final int[] digits;
    final int[] lo;
    final int[] hi;

    DyadicVector(int length, int scale, int stride) {
        this.scale = scale;
        this.stride = stride;
        this.digits = new int[length * stride];
        this.lo = new int[length];
        this.hi = new int[length];
    }

    /** Entries, the constant {@code 1} included. */
    int length() {
        return lo.length;
    }

    /** Sets the last entry to {@code 2^scale}. */
    void setOne() {
        int j = length() - 1;
        int position = scale / Digits.BITS;
        digits[j * stride + position] = 1 << (scale % Digits.BITS);
        lo[j] = position;
        hi[j] = position + 1;
    }

    /**
     * {@code x} followed by the constant {@code 1}, over the smallest power of two that makes every
     * coordinate an integer; empty when a coordinate is not dyadic or needs more than
     * {@code maxScale} bits of scale.
     */
    static DyadicVector of(Rational[] x, int maxScale) {
        int scale = 0;
        for (Rational c : x) {
            if (!c.isDyadic()) return null;
            if (!c.isZero()) scale = Math.max(scale, c.denominator().bitLength() - 1);
        }
        if (scale > maxScale) return null;
        int[][] coordinates = new int[x.length][];
        int[] low = new int[x.length];
        int stride = scale / Digits.BITS + 1;
        for (int j = 0; j < x.length; j++) {
            if (x[j].isZero()) {
                coordinates[j] = new int[0];
                continue;
            }
            BigInteger n = x[j].numerator();
            int shift = scale - (x[j].denominator().bitLength() - 1);
            coordinates[j] = Digits.of(n, shift);
            low[j] = Digits.lowestPosition(n, shift);
            stride = Math.max(stride, low[j] + coordinates[j].length);
        }
        DyadicVector v = new DyadicVector(x.length + 1, scale, stride);
        for (int j = 0; j < x.length; j++) {
            System.arraycopy(coordinates[j], 0, v.digits, j * stride + low[j], coordinates[j].length);
            v.lo[j] = low[j];
            v.hi[j] = low[j] + coordinates[j].length;
        }
        v.setOne();
        return v;
    }
}
