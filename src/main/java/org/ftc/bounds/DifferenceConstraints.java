package org.ftc.bounds;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Rational;

/**
 * A system of difference constraints {@code x_a - x_b <= c} over rational unknowns, decided exactly:
 * it is feasible iff the graph with an edge {@code b -> a} of weight {@code c} per constraint has no
 * negative cycle, and then the shortest distances from a virtual source (edges of weight 0 to every
 * node) satisfy every constraint (Bellman-Ford). Node 0 is the reference: {@link #solution()}
 * shifts the distances so that {@code x_0 = 0}.
 */
final class DifferenceConstraints {
    private record Edge(int from, int to, Rational weight) {
    }

    private final List<Edge> edges = new ArrayList<>();
    private int nodes = 1;

    /** A new unknown; returns its index. */
    int newNode() {
        return nodes++;
    }

    /** {@code x_a - x_b <= c}. */
    void atMost(int a, int b, Rational c) {
        edges.add(new Edge(b, a, c));
    }

    int size() {
        return edges.size();
    }

    int nodeCount() {
        return nodes;
    }

    /** Forgets the unknowns created after the first {@code count} (their constraints must be gone already). */
    void truncateNodes(int count) {
        nodes = count;
    }

    /** Drops the constraints added after the first {@code size} (for backtracking). */
    void truncate(int size) {
        while (edges.size() > size) edges.remove(edges.size() - 1);
    }

    boolean feasible() {
        return distances() != null;
    }

    /** Values with {@code x_0 = 0} meeting every constraint, or null when infeasible. */
    Rational[] solution() {
        Rational[] d = distances();
        if (d == null) return null;
        Rational shift = d[0];
        for (int i = 0; i < d.length; i++) d[i] = d[i].subtract(shift);
        return d;
    }

    private Rational[] distances() {
        Rational[] d = new Rational[nodes];
        for (int i = 0; i < nodes; i++) d[i] = Rational.ZERO;
        for (int round = 0; round <= nodes; round++) {
            boolean changed = false;
            for (Edge e : edges) {
                Rational via = d[e.from()].add(e.weight());
                if (via.compareTo(d[e.to()]) < 0) {
                    d[e.to()] = via;
                    changed = true;
                }
            }
            if (!changed) return d;
            if (round == nodes) return null; // still relaxing after |V| rounds: a negative cycle
        }
        return null;
    }
}
