package org.ftc.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.math.BigDecimal;
import org.ftc.arith.Digits;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.ftc.prop.Weighted;
import org.junit.jupiter.api.Test;

/**
 * {@link DyadicNetwork}, the integer matrix-vector evaluation, gives the exact value that
 * {@link Network#evaluate} gives in {@code Rational} and that an independent evaluation in exact
 * {@code BigDecimal} gives (Apfloat's {@code Aprational} takes seconds per product at these sizes), on
 * adversarial dyadic data: floats from random bit patterns (subnormals down to {@code 2^-149},
 * magnitudes up to {@code 2^128}), doubles down to {@code 2^-1074}, {@code ±0}, mantissas of up
 * to 200 bits, digits at the lane limits, zeros everywhere, layers wide enough to force carries
 * between products; and it falls back to the general path on a value that is not dyadic.
 */
class DyadicNetworkProperties {
    private static final RationalField Q = RationalField.INSTANCE;

    /** Dyadic numbers, from the easy to the adversarial. */
    static Gen<Rational> dyadics() {
        Gen<Rational> floatBits = Gens.ints(Integer.MIN_VALUE, Integer.MAX_VALUE).map(Float::intBitsToFloat)
                .filter("finite float", Float::isFinite).map(f -> Rational.of((double) f));
        Gen<Rational> doubleBits = Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE).map(Double::longBitsToDouble)
                .filter("finite double", Double::isFinite).map(Rational::of);
        Gen<Rational> mlFloats = Gens.ints(-(1 << 24), 1 << 24).map(m -> Rational.of((double) (float) (m / (double) (1 << 26))));
        Gen<Rational> special = Gens.oneOfValues(0.0, -0.0, (double) Float.MIN_VALUE, -(double) Float.MIN_VALUE,
                (double) Float.MIN_NORMAL, (double) Float.MAX_VALUE, -(double) Float.MAX_VALUE, 0x1p127, 0x1p-149,
                (double) Math.nextDown(1.0f), -1.0, 1.0, Double.MIN_VALUE, (double) ((1 << 24) - 1) * 0x1p-149,
                0x1p26 - 1, -(0x1p26 - 1), 0x1p52 - 1).map(Rational::of);
        Gen<Rational> wide = Gens.zip(Gens.bigIntegers(200), Gens.ints(-300, 300),
                (m, e) -> e >= 0 ? Rational.of(m.shiftLeft(e)) : Rational.of(m, BigInteger.ONE.shiftLeft(-e)));
        return Gens.frequency(List.<Weighted<Rational>>of(
                Weighted.of(3, Gens.constant(Rational.ZERO)),
                Weighted.of(4, mlFloats),
                Weighted.of(3, floatBits),
                Weighted.of(1, doubleBits),
                Weighted.of(2, special),
                Weighted.of(2, wide)));
    }

    static Gen<Layer<Rational>> layers(int inputs, int width, Gen<Rational> entries) {
        return Gens.lists(entries, width * (inputs + 1), width * (inputs + 1)).map(v -> {
            Rational[][] w = new Rational[width][inputs];
            Rational[] b = new Rational[width];
            for (int i = 0; i < width; i++) {
                for (int j = 0; j < inputs; j++) w[i][j] = v.get(i * (inputs + 1) + j);
                b[i] = v.get(i * (inputs + 1) + inputs);
            }
            return new Layer<>(Q, inputs, w, b);
        });
    }

    /** Networks of depth 1..{@code maxDepth}, widths 0..5, input dimension 1..4, entries from {@code entries}. */
    static Gen<Network<Rational>> networks(Gen<Rational> entries, int maxDepth) {
        return Gens.zip(Gens.ints(1, 4), Gens.lists(Gens.ints(0, 5), 0, maxDepth - 1), (d, widths) -> new int[][] {{d}, widths.stream().mapToInt(Integer::intValue).toArray()})
                .flatMap(shape -> {
                    int d = shape[0][0];
                    int[] hidden = shape[1];
                    Gen<List<Layer<Rational>>> acc = Gens.constant(List.of());
                    int in = d;
                    for (int l = 0; l <= hidden.length; l++) {
                        int inputs = in, width = l < hidden.length ? hidden[l] : 1;
                        acc = acc.flatMap(list -> layers(inputs, width, entries).map(layer -> {
                            List<Layer<Rational>> next = new ArrayList<>(list);
                            next.add(layer);
                            return next;
                        }));
                        in = width;
                    }
                    return acc.map(ls -> new Network<>(Q, d, ls));
                });
    }

    record Case(Network<Rational> net, List<Rational[]> points) {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(net.toString());
            for (Layer<Rational> l : net.layers()) {
                s.append("\n  layer:");
                for (int i = 0; i < l.width(); i++) s.append(' ').append(java.util.Arrays.toString(l.row(i))).append(" + ").append(l.bias(i)).append(';');
            }
            for (Rational[] x : points) s.append("\n  x = ").append(java.util.Arrays.toString(x));
            return s.toString();
        }
    }

    static Gen<Case> cases(Gen<Rational> entries, Gen<Rational> coordinates) {
        return cases(entries, coordinates, 4);
    }

    static Gen<Case> cases(Gen<Rational> entries, Gen<Rational> coordinates, int maxDepth) {
        return networks(entries, maxDepth).flatMap(net -> Gens.lists(Gens.lists(coordinates, net.inputDimension(), net.inputDimension())
                        .map(c -> c.toArray(new Rational[0])), 1, 4)
                .map(ps -> new Case(net, ps)));
    }

    /** A dyadic value as an exact {@code BigDecimal}: {@code n / 2^e = n 5^e / 10^e}. */
    static BigDecimal decimal(Rational q) {
        int e = q.denominator().bitLength() - 1;
        return new BigDecimal(q.numerator().multiply(BigInteger.valueOf(5).pow(e)), e);
    }

    /**
     * The reference: {@code f(x)} in {@code BigDecimal}, whose sums and products of dyadic values
     * are exact (every dyadic value is a finite decimal), independent of {@code Rational}.
     */
    static Rational decimalValue(Network<Rational> net, Rational[] x) {
        BigDecimal[] h = new BigDecimal[x.length];
        for (int j = 0; j < x.length; j++) h[j] = decimal(x[j]);
        for (int l = 0; l < net.depth(); l++) {
            Layer<Rational> layer = net.layer(l);
            BigDecimal[] z = new BigDecimal[layer.width()];
            for (int i = 0; i < z.length; i++) {
                BigDecimal sum = decimal(layer.bias(i));
                for (int j = 0; j < layer.inputs(); j++) sum = sum.add(decimal(layer.weight(i, j)).multiply(h[j]));
                z[i] = l < net.depth() - 1 && sum.signum() < 0 ? BigDecimal.ZERO : sum;
            }
            h = z;
        }
        return Rational.of(h[0]);
    }

    @Test
    void integerEvaluationIsTheExactValue() {
        Property.forAll(cases(dyadics(), dyadics())).check((c, ctx) -> {
            DyadicNetwork integer = DyadicNetwork.of(c.net()).orElseThrow();
            for (Rational[] x : c.points()) {
                Rational got = integer.evaluate(x);
                assertThat(got).as("against Rational").isEqualTo(c.net().evaluate(x));
                assertThat(got).as("against BigDecimal").isEqualTo(decimalValue(c.net(), x));
                ctx.classify(got.isZero(), "value 0");
            }
            ctx.label("depth " + c.net().depth());
        });
    }

    /** Float32 data of the ML kind only (no zeros forced): the case the fast path is for. */
    @Test
    void float32NetworksAgreeWithRational() {
        // Sign, exponent in 2^-27 .. 2^20 and a 23-bit fraction: floats between about 1e-8 and 1e6.
        Gen<Rational> floats = Gens.zip(Gens.booleans(), Gens.ints(127 - 27, 127 + 20), Gens.ints(0, (1 << 23) - 1),
                (negative, exponent, fraction) -> Rational.of((double) Float.intBitsToFloat((negative ? 1 << 31 : 0) | exponent << 23 | fraction)));
        Property.forAll(cases(floats, floats)).check((c, ctx) -> {
            DyadicNetwork integer = DyadicNetwork.of(c.net()).orElseThrow();
            for (Rational[] x : c.points()) assertThat(integer.evaluate(x)).isEqualTo(c.net().evaluate(x));
        });
    }

    /** A value that is not dyadic: no integer form for a weight, the general path for a coordinate. */
    @Test
    void notDyadicFallsBackToTheGeneralPath() {
        Gen<Rational> thirds = Gens.ints(-20, 20).map(k -> Rational.of(k, 3));
        Gen<Rational> someGeneral = Gens.frequency(List.<Weighted<Rational>>of(Weighted.of(5, dyadics()), Weighted.of(1, thirds)));
        Property.forAll(cases(someGeneral, someGeneral, 3)).tries(100).check((c, ctx) -> {
            boolean allDyadic = c.net().layers().stream().allMatch(l -> {
                for (int i = 0; i < l.width(); i++) {
                    if (!l.bias(i).isDyadic()) return false;
                    for (int j = 0; j < l.inputs(); j++) if (!l.weight(i, j).isDyadic()) return false;
                }
                return true;
            });
            assertThat(DyadicNetwork.of(c.net()).isPresent()).isEqualTo(allDyadic);
            Rational[][] points = c.points().toArray(new Rational[0][]);
            Rational[] dense = BatchEvaluation.dense(c.net(), points);
            for (int i = 0; i < points.length; i++) assertThat(dense[i]).isEqualTo(c.net().evaluate(points[i]));
            ctx.classify(allDyadic, "integer form");
        });
    }

    /**
     * One neuron with thousands of inputs whose digits are all at the limit {@code 2^26 - 1} and of
     * one sign: with four digits a weight, the lanes receive more than {@link Digits#LOAD_LIMIT} products, so the
     * carries between products are exercised; both signs, and a ReLU layer before it.
     */
    @Test
    void carriesBetweenProductsKeepTheSumExact() {
        BigInteger allOnes = BigInteger.ONE.shiftLeft(4 * Digits.BITS).subtract(BigInteger.ONE);
        Property.forAll(Gens.zip(Gens.ints(Digits.LOAD_LIMIT / 4, Digits.LOAD_LIMIT), Gens.booleans(), Gens.ints(0, 60),
                        (n, negative, e) -> new Object[] {n, negative, e}))
                .tries(30)
                .check((p, ctx) -> {
                    int n = (Integer) p[0];
                    boolean negative = (Boolean) p[1];
                    int e = (Integer) p[2];
                    Rational w = Rational.of(negative ? allOnes.negate() : allOnes, BigInteger.ONE.shiftLeft(e));
                    Rational[][] first = new Rational[n][1];
                    Rational[] firstBias = new Rational[n];
                    Rational[][] last = new Rational[1][n];
                    for (int i = 0; i < n; i++) {
                        first[i][0] = Rational.of(allOnes);
                        firstBias[i] = w;
                        last[0][i] = w;
                    }
                    Network<Rational> net = new Network<>(Q, 1, List.of(new Layer<>(Q, 1, first, firstBias),
                            new Layer<>(Q, n, last, new Rational[] {w})));
                    Rational[] x = {Rational.of(allOnes, BigInteger.ONE.shiftLeft(3))};
                    assertThat(DyadicNetwork.of(net).orElseThrow().evaluate(x)).isEqualTo(net.evaluate(x));
                });
    }
}
