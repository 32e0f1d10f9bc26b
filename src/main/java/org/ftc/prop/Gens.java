package org.ftc.prop;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.ftc.arith.Rational;

/**
 * The standard generators. Each maps the all-zero choices to its simplest value and smaller
 * choices to simpler values, so shrinking the choice sequence shrinks the value.
 */
public final class Gens {
    /** Largest numerator / denominator bit length of {@link #rationals()}: about 1e48 and 1e-48. */
    static final int RATIONAL_BITS = 160;
    /** Limb width for multi-choice naturals: keeps every limb's maximum a positive long. */
    private static final int LIMB = 62;

    private Gens() {
    }

    public static Gen<Boolean> booleans() {
        return Source::bool;
    }

    /** Integers in {@code [lo, hi]}, shrinking toward the value nearest 0 (positive before negative). */
    public static Gen<Integer> ints(int lo, int hi) {
        Gen<Long> g = longs(lo, hi);
        return s -> (int) (long) g.generate(s);
    }

    /**
     * Longs in {@code [lo, hi]}, shrinking toward the value nearest 0. When the range contains 0 the
     * value is a magnitude choice followed by a sign choice (always drawn, so zeroing the magnitude
     * keeps the layout); the order is 0, 1, -1, 2, -2, ... A range holding both
     * {@code Long.MIN_VALUE} and positive values does not reach {@code Long.MIN_VALUE}.
     */
    public static Gen<Long> longs(long lo, long hi) {
        if (lo > hi) throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        if (lo >= 0) return s -> lo + s.choice(hi - lo);
        if (hi <= 0) {
            long span = hi - lo < 0 ? Long.MAX_VALUE : hi - lo;
            return s -> hi - s.choice(span);
        }
        long negMax = lo == Long.MIN_VALUE ? Long.MAX_VALUE : -lo;
        long max = Math.max(hi, negMax);
        return s -> {
            long m;
            boolean negative;
            if (s.explore(0.1)) { // aim at a bound: its ordinary encoding, so no shrink shortcut
                boolean high = s.explore(0.5);
                m = s.forced(max, high ? hi : negMax);
                negative = s.forced(1, high ? 0 : 1) == 1;
            } else {
                m = s.choice(max);
                negative = s.bool();
            }
            if (m > hi) negative = true;
            else if (m > negMax) negative = false;
            return negative ? -m : m;
        };
    }

    /** Signed integers of at most {@code maxBits} bits, shrinking toward 0 by bit length first. */
    public static Gen<BigInteger> bigIntegers(int maxBits) {
        if (maxBits < 0) throw new IllegalArgumentException("maxBits < 0: " + maxBits);
        return s -> {
            BigInteger m = natural(s, maxBits);
            return s.bool() ? m.negate() : m;
        };
    }

    /**
     * A natural number: a bit length {@code k <= maxBits}, then the {@code k - 1} bits below the
     * leading one, most significant limb first (so lexicographic order on choices is numeric order).
     */
    static BigInteger natural(Source s, int maxBits) {
        return natural(s, maxBits, null);
    }

    /** {@link #natural}, with fresh random choices forced to encode {@code target} when it is given. */
    static BigInteger natural(Source s, int maxBits, BigInteger target) {
        // random runs: half the time a short bit length (<= 8), so simple values dominate
        int k = (int) (target != null ? s.forced(maxBits, target.bitLength())
                : s.explore(0.5) ? s.forced(maxBits, s.hint(Math.min(maxBits, 8))) : s.choice(maxBits));
        if (k == 0) return BigInteger.ZERO;
        BigInteger v = BigInteger.ONE;
        int remaining = k - 1;
        while (remaining > 0) {
            int take = remaining % LIMB == 0 ? LIMB : remaining % LIMB;
            long max = (1L << take) - 1;
            long limb = target == null ? s.choice(max)
                    : s.forced(max, target.shiftRight(remaining - take).longValue() & max);
            v = v.shiftLeft(take).or(BigInteger.valueOf(limb));
            remaining -= take;
        }
        return v;
    }

    /**
     * Rationals: numerator magnitude, denominator minus one, sign, each a {@link #natural} of up to
     * {@value #RATIONAL_BITS} bits. All-zero choices give 0; then small integers and small
     * denominators; random runs also reach magnitudes around 1e48 and 1e-48.
     */
    public static Gen<Rational> rationals() {
        return s -> {
            BigInteger num = natural(s, RATIONAL_BITS);
            BigInteger den = natural(s, RATIONAL_BITS).add(BigInteger.ONE);
            boolean negative = s.bool();
            Rational r = Rational.of(num, den);
            return negative ? r.negate() : r;
        };
    }

    /**
     * Rationals in {@code [lo, hi]}. The simplest value is the point nearest 0 (0 itself when inside);
     * other values are that point plus or minus a non-negative rational offset from the
     * {@link #rationals()} distribution, folded into the range. Random runs aim at the bounds
     * now and then (through their ordinary encoding, so bounds get no shortcut when shrinking).
     */
    public static Gen<Rational> rationals(Rational lo, Rational hi) {
        Objects.requireNonNull(lo, "lo");
        Objects.requireNonNull(hi, "hi");
        if (lo.compareTo(hi) > 0) throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        if (lo.equals(hi)) return constant(lo);
        Rational center = lo.signum() > 0 ? lo : hi.signum() < 0 ? hi : Rational.ZERO;
        Rational up = hi.subtract(center);
        Rational down = center.subtract(lo);
        return s -> {
            // random runs aim at a bound now and then, through the bound's ordinary encoding
            Rational target = null;
            boolean toHi = true;
            if (s.explore(0.15)) {
                toHi = down.signum() == 0 || (up.signum() > 0 && s.explore(0.5));
                Rational t = toHi ? up : down;
                if (t.numerator().bitLength() <= RATIONAL_BITS
                        && t.denominator().subtract(BigInteger.ONE).bitLength() <= RATIONAL_BITS) {
                    target = t;
                }
            }
            BigInteger num = natural(s, RATIONAL_BITS, target == null ? null : target.numerator());
            BigInteger den = natural(s, RATIONAL_BITS,
                    target == null ? null : target.denominator().subtract(BigInteger.ONE)).add(BigInteger.ONE);
            boolean negative = target == null ? s.bool() : s.forced(1, toHi ? 0 : 1) == 1;
            if (up.signum() == 0) negative = true;
            else if (down.signum() == 0) negative = false;
            Rational offset = Rational.of(num, den);
            Rational width = negative ? down : up;
            if (offset.compareTo(width) > 0) {
                offset = offset.subtract(width.multiply(Rational.of(offset.divide(width).floor())));
            }
            return negative ? center.subtract(offset) : center.add(offset);
        };
    }

    public static <T> Gen<T> constant(T value) {
        return s -> value;
    }

    /**
     * Lists of size in {@code [minSize, maxSize]}. Beyond the minimum, each element is preceded by a
     * "one more?" choice and wrapped in a span with it, so deleting a span deletes an element.
     */
    public static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
        checkSizes(minSize, maxSize);
        double more = continueProbability(minSize, maxSize);
        return s -> {
            List<T> out = new ArrayList<>();
            while (out.size() < maxSize) {
                s.startSpan();
                if (!oneMore(s, out.size(), minSize, maxSize, more)) {
                    s.endSpan();
                    break;
                }
                out.add(element.generate(s));
                s.endSpan();
            }
            closeList(s, out.size(), minSize, maxSize);
            return Collections.unmodifiableList(out);
        };
    }

    /** Like {@link #lists} but without equal elements: a repeated element is drawn again. */
    public static <T> Gen<List<T>> uniqueLists(Gen<T> element, int minSize, int maxSize) {
        checkSizes(minSize, maxSize);
        double more = continueProbability(minSize, maxSize);
        return s -> {
            List<T> out = new ArrayList<>();
            Set<T> seen = new HashSet<>();
            int repeats = 0;
            while (out.size() < maxSize) {
                s.startSpan();
                if (!oneMore(s, out.size(), minSize, maxSize, more)) {
                    s.endSpan();
                    break;
                }
                T t = element.generate(s);
                s.endSpan();
                if (seen.add(t)) {
                    out.add(t);
                    repeats = 0;
                } else if (++repeats >= FilterExhaustedException.LIMIT) {
                    if (out.size() >= minSize) break;
                    throw new FilterExhaustedException("uniqueLists: distinct elements", repeats);
                }
            }
            closeList(s, out.size(), minSize, maxSize);
            return Collections.unmodifiableList(out);
        };
    }

    /**
     * "One more element?" before element {@code size} of a list of {@code minSize..maxSize}
     * elements, asked inside the element's span: below the minimum always yes, recorded by
     * {@link Source#listMarker} (not for a list of fixed size, which asks nothing); beyond it
     * the answer random runs give with probability {@code p}. Generators that draw their own
     * lists use it with {@link #closeList}, so that every list reads alike to the shrinker.
     */
    public static boolean oneMore(Source s, int size, int minSize, int maxSize, double p) {
        if (size >= minSize) return s.weighted(p);
        if (maxSize > minSize) s.listMarker(true);
        return true;
    }

    /** After a list's last element: a full list records the "no more" it did not ask ({@link Source#listMarker}). */
    public static void closeList(Source s, int size, int minSize, int maxSize) {
        if (size >= maxSize && maxSize > minSize) s.listMarker(false);
    }

    private static void checkSizes(int minSize, int maxSize) {
        if (minSize < 0 || maxSize < minSize) {
            throw new IllegalArgumentException("bad list sizes [" + minSize + ", " + maxSize + "]");
        }
    }

    /** Geometric extra length with mean min(half the slack, 6). */
    private static double continueProbability(int minSize, int maxSize) {
        double mean = Math.min((maxSize - (double) minSize) / 2, 6);
        return mean / (mean + 1);
    }

    /** One of the generators, picked uniformly; shrinks toward the first. */
    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        if (gens.length == 0) throw new IllegalArgumentException("oneOf needs a generator");
        List<Gen<? extends T>> list = List.of(gens);
        return s -> {
            s.startSpan();
            T t = list.get((int) s.uniform(list.size() - 1)).generate(s);
            s.endSpan();
            return t;
        };
    }

    /** One of the values, picked uniformly; shrinks toward the first. */
    @SafeVarargs
    public static <T> Gen<T> oneOfValues(T... values) {
        if (values.length == 0) throw new IllegalArgumentException("oneOfValues needs a value");
        List<T> list = List.of(values);
        return s -> list.get((int) s.uniform(list.size() - 1));
    }

    /** A generator picked with probability proportional to its weight; shrinks toward the first. */
    public static <T> Gen<T> frequency(List<Weighted<T>> options) {
        if (options.isEmpty()) throw new IllegalArgumentException("frequency needs an option");
        List<Weighted<T>> list = List.copyOf(options);
        long total = 0;
        for (Weighted<T> w : list) total += w.weight();
        long max = total - 1;
        return s -> {
            s.startSpan();
            long pick = s.uniform(max);
            Gen<? extends T> chosen = null;
            for (Weighted<T> w : list) {
                if (pick < w.weight()) {
                    chosen = w.gen();
                    break;
                }
                pick -= w.weight();
            }
            T t = chosen.generate(s);
            s.endSpan();
            return t;
        };
    }

    public static <A, B, R> Gen<R> zip(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
        return s -> {
            A x = a.generate(s);
            B y = b.generate(s);
            return f.apply(x, y);
        };
    }

    public static <A, B, C, R> Gen<R> zip(Gen<A> a, Gen<B> b, Gen<C> c,
            Function3<? super A, ? super B, ? super C, ? extends R> f) {
        return s -> {
            A x = a.generate(s);
            B y = b.generate(s);
            C z = c.generate(s);
            return f.apply(x, y, z);
        };
    }

    public static <A, B, C, D, R> Gen<R> zip(Gen<A> a, Gen<B> b, Gen<C> c, Gen<D> d,
            Function4<? super A, ? super B, ? super C, ? super D, ? extends R> f) {
        return s -> {
            A x = a.generate(s);
            B y = b.generate(s);
            C z = c.generate(s);
            D w = d.generate(s);
            return f.apply(x, y, z, w);
        };
    }

    /**
     * Recursive structures of depth at most {@code maxDepth}: at each level a choice picks
     * {@code base} (0, the simpler) or {@code step} applied to the next level down.
     */
    public static <T> Gen<T> recursive(Function<Gen<T>, Gen<T>> step, Gen<T> base, int maxDepth) {
        if (maxDepth < 0) throw new IllegalArgumentException("maxDepth < 0: " + maxDepth);
        Gen<T> g = base;
        for (int d = 0; d < maxDepth; d++) {
            Gen<T> deeper = step.apply(g);
            g = s -> {
                s.startSpan();
                T t = s.bool() ? deeper.generate(s) : base.generate(s);
                s.endSpan();
                return t;
            };
        }
        return g;
    }
}
