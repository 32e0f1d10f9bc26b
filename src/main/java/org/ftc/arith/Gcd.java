package org.ftc.arith;

import java.math.BigInteger;

/**
 * Greatest common divisors of big integers by Lehmer's algorithm (Knuth, TAOCP 4.5.2, Algorithm L).
 *
 * <p>{@code BigInteger.gcd} finishes every gcd of two numbers of similar length with a binary gcd,
 * one bit per pass over the whole number: quadratic in <em>bits</em>. At 33,000 bits (a
 * 9,990-digit denominator) one such gcd took tens of milliseconds, and a network with ten weights
 * {@code 1/p} took over a minute to verify. Here Euclid runs on the leading 62 bits with
 * single-precision cofactors (at most {@code 2^30}, so each step is at least a few quotients and
 * at most 30 bits) and the cofactors are applied to the full numbers in place, one pass over two
 * word arrays per step: quadratic in words, as in CPython. Stopping the leading-bits Euclid early is
 * always safe: every quotient it keeps is one that the full Euclid takes. Small operands, and the
 * rare step where the leading bits do not determine a quotient, use {@code BigInteger}.
 * {@code GcdProperties} checks it against {@code BigInteger.gcd}.
 */
public final class Gcd {
    /** Below this many bits (the smaller operand) {@code BigInteger.gcd} is used as it is. */
    static final int LEHMER_THRESHOLD = 2048;
    private static final long COFACTOR_LIMIT = 1L << 30;

    private Gcd() {
    }

    /** {@code gcd(a, b) >= 0} of any integers. */
    public static BigInteger of(BigInteger a, BigInteger b) {
        a = a.abs();
        b = b.abs();
        if (a.compareTo(b) < 0) {
            BigInteger t = a;
            a = b;
            b = t;
        }
        if (b.bitLength() < LEHMER_THRESHOLD) return a.gcd(b);
        if (a.bitLength() - b.bitLength() > 32) {
            BigInteger r = a.mod(b);
            a = b;
            b = r;
            if (b.bitLength() < LEHMER_THRESHOLD) return a.gcd(b);
        }
        int[] x = words(a), y = words(b);
        int[] lens = {x.length, y.length};
        int[][] ab = {x, y};
        int[] tmpA = new int[x.length], tmpB = new int[x.length];
        while (true) {
            int[] u = ab[0], v = ab[1];
            int lu = lens[0], lv = lens[1];
            if (bitLength(v, lv) < LEHMER_THRESHOLD) break;
            int n = bitLength(u, lu);
            if (n - bitLength(v, lv) > 32) {
                // Very different lengths: one division does the work of many steps.
                divisionStep(ab, lens);
                continue;
            }
            long p = bits(u, lu, n - 62), q0 = bits(v, lv, n - 62);
            long aa = 1, bb = 0, cc = 0, dd = 1;
            while (q0 + cc != 0 && q0 + dd != 0) {
                long q = (p + aa) / (q0 + cc);
                if (q != (p + bb) / (q0 + dd)) break;
                long nc = aa - q * cc, nd = bb - q * dd;
                if (Math.abs(nc) > COFACTOR_LIMIT || Math.abs(nd) > COFACTOR_LIMIT) break;
                aa = cc;
                cc = nc;
                bb = dd;
                dd = nd;
                long t = p - q * q0;
                p = q0;
                q0 = t;
            }
            if (bb == 0) {
                divisionStep(ab, lens);
                continue;
            }
            int la = combine(u, lu, v, lv, aa, bb, tmpA);
            int lb = combine(u, lu, v, lv, cc, dd, tmpB);
            ab[0] = tmpA;
            lens[0] = la;
            ab[1] = tmpB;
            lens[1] = lb;
            tmpA = u;
            tmpB = v;
        }
        return toBig(ab[0], lens[0]).gcd(toBig(ab[1], lens[1]));
    }

    /** One Euclid step by a full division: {@code (u, v)} becomes {@code (v, u mod v)}. */
    private static void divisionStep(int[][] ab, int[] lens) {
        int[] u = ab[0], v = ab[1];
        BigInteger r = toBig(u, lens[0]).mod(toBig(v, lens[1]));
        ab[0] = v;
        lens[0] = lens[1];
        ab[1] = words(r, v.length);
        lens[1] = wordsLength(r);
    }

    /** {@code out = s u + t v} (known to be non-negative), word by word with a signed carry; returns its length. */
    private static int combine(int[] u, int lu, int[] v, int lv, long s, long t, int[] out) {
        long carry = 0;
        int n = Math.max(lu, lv);
        for (int i = 0; i < n; i++) {
            long ui = i < lu ? u[i] & 0xffffffffL : 0, vi = i < lv ? v[i] & 0xffffffffL : 0;
            long sum = s * ui + t * vi + carry;
            out[i] = (int) sum;
            carry = sum >> 32;
        }
        if (carry != 0) throw new IllegalStateException("Lehmer step left a carry: a bug");
        while (n > 0 && out[n - 1] == 0) n--;
        return n;
    }

    /** {@code floor(value / 2^pos) mod 2^64} of the little-endian magnitude {@code w[0..len)}, {@code pos >= 0}. */
    private static long bits(int[] w, int len, int pos) {
        int k = pos >>> 5, o = pos & 31;
        long lo = k < len ? w[k] & 0xffffffffL : 0;
        long mid = k + 1 < len ? w[k + 1] & 0xffffffffL : 0;
        long hi = k + 2 < len ? w[k + 2] & 0xffffffffL : 0;
        long low64 = lo | (mid << 32);
        return o == 0 ? low64 : (low64 >>> o) | (hi << (64 - o));
    }

    private static int bitLength(int[] w, int len) {
        return len == 0 ? 0 : 32 * (len - 1) + (32 - Integer.numberOfLeadingZeros(w[len - 1]));
    }

    private static int[] words(BigInteger x) {
        return words(x, wordsLength(x));
    }

    private static int wordsLength(BigInteger x) {
        return (x.bitLength() + 31) >>> 5;
    }

    private static int[] words(BigInteger x, int size) {
        int[] w = new int[Math.max(size, wordsLength(x))];
        byte[] bytes = x.toByteArray(); // big-endian two's complement, x >= 0
        for (int i = 0; i < bytes.length; i++) {
            int fromEnd = bytes.length - 1 - i;
            if (fromEnd / 4 < w.length) w[fromEnd / 4] |= (bytes[i] & 0xff) << (8 * (fromEnd % 4));
        }
        return w;
    }

    private static BigInteger toBig(int[] w, int len) {
        byte[] bytes = new byte[4 * len + 1];
        for (int i = 0; i < len; i++) {
            int at = bytes.length - 1 - 4 * i;
            bytes[at] = (byte) w[i];
            bytes[at - 1] = (byte) (w[i] >>> 8);
            bytes[at - 2] = (byte) (w[i] >>> 16);
            bytes[at - 3] = (byte) (w[i] >>> 24);
        }
        return new BigInteger(bytes);
    }
}
