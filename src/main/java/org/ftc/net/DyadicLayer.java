package org.ftc.net;

import java.math.BigInteger;
import java.util.Arrays;
import org.ftc.arith.Digits;
import org.ftc.arith.Rational;

/**
 * A layer whose weights and biases are all dyadic, as one integer matrix over one power of two:
 * {@code [W | b] = M / 2^scale}. Applied to a {@link DyadicVector} {@code h = H / 2^t} (whose last
 * entry is the constant 1) it gives {@code W h + b = (M H) / 2^(t + scale)}: an exact integer
 * matrix-vector product, digit by digit in base {@code 2^26} into {@code long} lanes, carried once
 * per {@link Digits#LOAD_LIMIT} digit products and once at the end. No gcd, no {@code BigInteger},
 * no object per product; zero weights and zero inputs (half of a ReLU layer) cost nothing.
 */
final class DyadicLayer {
    private final int rows;
    /** Inputs plus one: the bias column. */
    private final int columns;
    private final int scale;
    /** Entry {@code e = i*columns + j} is the digits {@code digits[offset[e] .. offset[e+1])}, the first at position {@code low[e]}. */
    private final int[] offset;
    private final int[] low;
    private final int[] digits;
    /** One past the highest digit position of any entry. */
    private final int end;

    private DyadicLayer(int rows, int columns, int scale, int[] offset, int[] low, int[] digits, int end) {
        this.rows = rows;
        this.columns = columns;
        this.scale = scale;
        this.offset = offset;
        this.low = low;
        this.digits = digits;
        this.end = end;
    }

    /**
     * The layer as an integer matrix, or {@code null} if an entry is not dyadic, the scale exceeds
     * {@code maxScale} bits or an entry over it needs more than {@code 2 maxScale} bits.
     */
    static DyadicLayer of(Layer<Rational> layer, int maxScale) {
        int rows = layer.width(), inputs = layer.inputs(), columns = inputs + 1;
        Rational[] entries = new Rational[rows * columns];
        int scale = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                Rational w = j < inputs ? layer.weight(i, j) : layer.bias(i);
                if (!w.isDyadic()) return null;
                if (!w.isZero()) scale = Math.max(scale, w.denominator().bitLength() - 1);
                entries[i * columns + j] = w;
            }
        }
        if (scale > maxScale) return null;
        int[][] parts = new int[entries.length][];
        int[] offset = new int[entries.length + 1];
        int[] low = new int[entries.length];
        int end = 0;
        for (int e = 0; e < entries.length; e++) {
            Rational w = entries[e];
            if (w.isZero()) {
                parts[e] = new int[0];
            } else {
                BigInteger n = w.numerator();
                int shift = scale - (w.denominator().bitLength() - 1);
                parts[e] = Digits.of(n, shift);
                low[e] = Digits.lowestPosition(n, shift);
                end = Math.max(end, low[e] + parts[e].length);
            }
            offset[e + 1] = offset[e] + parts[e].length;
        }
        if ((long) end * Digits.BITS > 2L * maxScale) return null; // huge integers: BigInteger's multiplication is the faster
        int[] digits = new int[offset[entries.length]];
        for (int e = 0; e < entries.length; e++) System.arraycopy(parts[e], 0, digits, offset[e], parts[e].length);
        return new DyadicLayer(rows, columns, scale, offset, low, digits, end);
    }

    int width() {
        return rows;
    }

    /**
     * {@code relu(W h + b)} followed by the constant 1, over {@code 2^(h.scale + scale)}: the next
     * layer's input.
     */
    DyadicVector applyRelu(DyadicVector h) {
        int lanes = lanes(h);
        int outScale = h.scale + scale;
        int stride = Math.max(lanes, outScale / Digits.BITS + 1);
        DyadicVector out = new DyadicVector(rows + 1, outScale, stride);
        long[] acc = new long[lanes];
        for (int i = 0; i < rows; i++) {
            multiplyRow(i, h, acc, lanes);
            if (acc[lanes - 1] < 0) continue; // negative: relu gives 0
            int first = 0;
            while (first < lanes && acc[first] == 0) first++;
            if (first == lanes) continue; // zero
            int last = lanes - 1;
            while (acc[last] == 0) last--;
            if (acc[last] > Digits.MASK) throw new IllegalStateException("lane overflow in the top digit");
            int base = i * stride;
            for (int k = first; k <= last; k++) out.digits[base + k] = (int) acc[k];
            out.lo[i] = first;
            out.hi[i] = last + 1;
        }
        out.setOne();
        return out;
    }

    /** {@code W h + b} of a one-row layer as an exact rational. */
    Rational applyLast(DyadicVector h) {
        int lanes = lanes(h);
        long[] acc = new long[lanes];
        multiplyRow(0, h, acc, lanes);
        return Rational.dyadic(Digits.value(acc, lanes), -(h.scale + scale));
    }

    /**
     * Lanes for a product with {@code h}: products reach position {@code end + h.stride - 2}; three
     * more lanes hold the carries of up to {@code 2^78} times the largest product.
     */
    private int lanes(DyadicVector h) {
        if (h.length() != columns) throw new IllegalArgumentException("input has " + (h.length() - 1) + " entries, layer expects " + (columns - 1));
        return end + h.stride + 2;
    }

    /** Row {@code i} of {@code M H} into {@code acc}, carried. */
    private void multiplyRow(int i, DyadicVector h, long[] acc, int lanes) {
        Arrays.fill(acc, 0, lanes, 0L);
        int[] hd = h.digits;
        int stride = h.stride;
        int load = 0;
        int base = i * columns;
        for (int j = 0; j < columns; j++) {
            int hl = h.lo[j], hh = h.hi[j];
            if (hl >= hh) continue;
            int e = base + j;
            int from = offset[e], to = offset[e + 1];
            if (from == to) continue;
            // A lane meets at most min(digits of w, digits of h) products of this column.
            int pairs = Math.min(to - from, hh - hl);
            if (load + pairs > Digits.LOAD_LIMIT) {
                Digits.carry(acc, lanes);
                load = 0;
            }
            load += pairs;
            int hBase = j * stride;
            int position = low[e];
            for (int a = from; a < to; a++, position++) {
                long w = digits[a];
                for (int b = hl; b < hh; b++) acc[position + b] += w * hd[hBase + b];
            }
        }
        Digits.carry(acc, lanes);
    }
}
