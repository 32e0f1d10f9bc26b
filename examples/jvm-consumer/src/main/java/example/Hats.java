package example;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.conformance.Answer;
import org.ftc.instance.Instance;
import org.ftc.net.Layer;
import org.ftc.net.Network;

/**
 * An implementer's own T2U hats in exact arithmetic (spec/protocol.md, proofs-notes/T2U-hats.md):
 * merge equal samples (infeasible when they disagree), project on u = (1, T, T^2, ...), and for
 * every sample with residual r != 0 add a hat r at its projection, 0 at its sorted neighbours.
 * Labels are absolute: the residual is label - f(x). {@link #residualsIgnoringF} is the classic
 * mistake of reading labels as residuals.
 */
public final class Hats {
    private final boolean subtractF;

    private Hats(boolean subtractF) {
        this.subtractF = subtractF;
    }

    public static Answer correct(Instance instance) {
        return new Hats(true).answer(instance);
    }

    /** Wrong on purpose: treats each label as the value g must take, forgetting f. */
    public static Answer residualsIgnoringF(Instance instance) {
        return new Hats(false).answer(instance);
    }

    private Answer answer(Instance instance) {
        if (instance.depth() != 2) return Answer.unsupported("depth 2 only");
        int d = instance.dimension();
        Map<List<Rational>, Rational> value = new HashMap<>();
        List<List<Rational>> points = new ArrayList<>();
        for (int i = 0; i < instance.sampleCount(); i++) {
            Rational[] x = instance.sample(i);
            Rational label = instance.changes().get(i);
            Rational r = label == null ? Rational.ZERO : subtractF ? label.subtract(instance.pretrained().evaluate(x)) : label;
            List<Rational> key = Arrays.asList(x);
            Rational before = value.putIfAbsent(key, r);
            if (before == null) points.add(key);
            else if (before.compareTo(r) != 0) return Answer.infeasible();
        }
        Rational[] u = direction(points, d);
        TreeMap<Rational, Rational> line = new TreeMap<>();
        for (List<Rational> p : points) line.put(dot(u, p), value.get(p));
        List<Rational[]> rows = new ArrayList<>();
        List<Rational> biases = new ArrayList<>();
        List<Rational> out = new ArrayList<>();
        for (Map.Entry<Rational, Rational> e : line.entrySet()) {
            Rational c = e.getKey(), r = e.getValue();
            if (r.isZero()) continue;
            Rational left = line.lowerKey(c) != null ? line.lowerKey(c) : c.subtract(Rational.ONE);
            Rational right = line.higherKey(c) != null ? line.higherKey(c) : c.add(Rational.ONE);
            Rational a = r.divide(c.subtract(left)), b = r.divide(right.subtract(c));
            Rational[][] knots = {{left, a}, {c, a.add(b).negate()}, {right, b}};
            for (Rational[] k : knots) {
                rows.add(u.clone());
                biases.add(k[0].negate());
                out.add(k[1]);
            }
        }
        RationalField q = RationalField.INSTANCE;
        Layer<Rational> hidden = new Layer<>(q, d, rows.toArray(new Rational[0][]), biases.toArray(new Rational[0]));
        Layer<Rational> output = new Layer<>(q, rows.size(), new Rational[][] {out.toArray(new Rational[0])}, new Rational[] {Rational.ZERO});
        return Answer.network(new Network<>(q, d, List.of(hidden, output)));
    }

    /** u = (1, T, ..., T^(d-1)) for the first T = 1, 2, ... giving distinct projections. */
    private static Rational[] direction(List<List<Rational>> points, int d) {
        for (long t = 1; ; t++) {
            Rational[] u = new Rational[d];
            for (int j = 0; j < d; j++) u[j] = Rational.of(BigInteger.valueOf(t).pow(j));
            java.util.Set<Rational> seen = new java.util.HashSet<>();
            boolean distinct = true;
            for (List<Rational> p : points) distinct &= seen.add(dot(u, p));
            if (distinct) return u;
        }
    }

    private static Rational dot(Rational[] u, List<Rational> x) {
        Rational s = Rational.ZERO;
        for (int j = 0; j < u.length; j++) s = s.add(u[j].multiply(x.get(j)));
        return s;
    }
}
