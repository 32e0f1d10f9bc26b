package org.ftc.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.instance.Instance;
import org.ftc.net.Layer;
import org.ftc.net.Network;

/**
 * The bundled example instances ({@code ftc example}, {@code ftc demo}), each small enough to read
 * and each showing one regime: the protocol's example, the hard instance of T2L on a line, a grid
 * under a non-zero {@code f}, rational points on a sphere, merged duplicates, a large {@code K}
 * with few changes (the budget does not depend on {@code K}), and an infeasible instance.
 */
public final class ExampleInstances {
    private ExampleInstances() {
    }

    private static final RationalField Q = RationalField.INSTANCE;

    /** The feasible examples for a depth, by name. */
    public static Map<String, Instance> feasible(int depth) {
        Map<String, Instance> m = new LinkedHashMap<>();
        m.put("protocol", protocol(depth));
        m.put("hard-line-N5", hardLine(5, depth));
        m.put("grid-5x5", grid(depth));
        m.put("sphere-3d", sphere(depth));
        m.put("duplicates", duplicates(depth));
        m.put("large-K-4d", largeK(depth));
        return m;
    }

    /** Two equal samples with different demands. */
    public static Instance infeasible(int depth) {
        Rational[][] x = {{r(0)}, {r(1)}, {r(1)}};
        return Instance.withZeroPretrained(1, x, Map.of(1, r(2)), depth).withId("infeasible");
    }

    static Rational r(long n) {
        return Rational.of(n);
    }

    static Rational r(long n, long d) {
        return Rational.of(n, d);
    }

    /** The example instance of spec/protocol.md: f(x) = x1 + x2, sample 1 changed to 5/2. */
    static Instance protocol(int depth) {
        Rational[][] x = {{r(0), r(1)}, {r(1, 2), r(3)}, {r(2), r(-1)}};
        Network<Rational> f = new Network<>(Q, 2, List.of(new Layer<>(Q, 2, new Rational[][] {{r(1), r(1)}}, new Rational[] {r(0)})));
        return new Instance("protocol", 2, x, f, Map.of(1, r(5, 2)), depth);
    }

    /** T2L's pattern u u c (u u u c)^(N-1) u u on the line, every changed label 1, f = 0: needs exactly 3N in 2 layers. */
    static Instance hardLine(int n, int depth) {
        int k = 4 * n + 1;
        Rational[][] x = new Rational[k][];
        Map<Integer, Rational> changes = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            x[i] = new Rational[] {r(i)};
            if (i >= 2 && (i - 2) % 4 == 0 && i <= k - 3) changes.put(i, r(1));
        }
        return Instance.withZeroPretrained(1, x, changes, depth).withId("hard-line-N" + n);
    }

    /** A 5 x 5 integer grid under f(x) = relu(x1 - x2) + 1/2, six samples changed. */
    static Instance grid(int depth) {
        Rational[][] x = new Rational[25][];
        for (int i = 0; i < 25; i++) x[i] = new Rational[] {r(i % 5), r(i / 5)};
        Network<Rational> f = new Network<>(Q, 2, List.of(
                new Layer<>(Q, 2, new Rational[][] {{r(1), r(-1)}}, new Rational[] {r(0)}),
                new Layer<>(Q, 1, new Rational[][] {{r(1)}}, new Rational[] {r(1, 2)})));
        Map<Integer, Rational> changes = Map.of(0, r(3), 6, r(-2), 7, r(7, 3), 12, r(0), 18, r(1, 2), 24, r(-5));
        return new Instance("grid-5x5", 2, x, f, changes, depth);
    }

    /** Rational points on the unit sphere from Pythagorean quadruples (a, b, c) / e. */
    static Instance sphere(int depth) {
        long[][] quads = {{1, 2, 2, 3}, {2, 3, 6, 7}, {1, 4, 8, 9}, {4, 4, 7, 9}, {2, 6, 9, 11}, {6, 6, 7, 11}, {3, 4, 12, 13}, {2, 10, 11, 15}};
        List<Rational[]> points = new ArrayList<>();
        for (long[] q : quads) {
            points.add(new Rational[] {r(q[0], q[3]), r(q[1], q[3]), r(q[2], q[3])});
            points.add(new Rational[] {r(-q[1], q[3]), r(q[2], q[3]), r(-q[0], q[3])});
        }
        Map<Integer, Rational> changes = Map.of(0, r(1), 3, r(-1), 4, r(2), 9, r(1, 3), 15, r(4));
        return Instance.withZeroPretrained(3, points.toArray(new Rational[0][]), changes, depth).withId("sphere-3d");
    }

    /** Repeated samples whose demands agree are one point. */
    static Instance duplicates(int depth) {
        Rational[][] x = {{r(0)}, {r(1)}, {r(1)}, {r(2)}, {r(3)}, {r(3)}, {r(4)}};
        Map<Integer, Rational> changes = Map.of(1, r(5), 2, r(5), 4, r(-1), 5, r(-1));
        return Instance.withZeroPretrained(1, x, changes, depth).withId("duplicates");
    }

    /** K = 2000 points of a 4-D integer lattice walk, N = 8: the budget depends on N only. */
    static Instance largeK(int depth) {
        int k = 2000;
        Rational[][] x = new Rational[k][];
        long state = 12345;
        for (int i = 0; i < k; i++) {
            Rational[] p = new Rational[4];
            for (int j = 0; j < 4; j++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
                p[j] = r((state >>> 33) % 201 - 100);
            }
            x[i] = p;
        }
        Map<Integer, Rational> changes = new LinkedHashMap<>();
        for (int c = 0; c < 8; c++) changes.put(c * 250 + 7, r(c - 4, 3));
        // Random lattice points may repeat; drop repeats so the example stays feasible whatever they are.
        Map<List<Rational>, Integer> seen = new LinkedHashMap<>();
        List<Rational[]> kept = new ArrayList<>();
        Map<Integer, Rational> keptChanges = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            if (seen.putIfAbsent(List.of(x[i]), i) != null) continue;
            if (changes.containsKey(i)) keptChanges.put(kept.size(), changes.get(i));
            kept.add(x[i]);
        }
        return Instance.withZeroPretrained(4, kept.toArray(new Rational[0][]), keptChanges, depth).withId("large-K-4d");
    }
}
