package org.ftc.prop;

import java.util.HashMap;
import java.util.Map;

/**
 * The replays a shrink has already run, as a tree of recorded choices (Hypothesis's
 * {@code DataTree}, simplified): a candidate is <em>known</em> when replaying it would repeat a
 * recorded run, so the shrinker need not run it again. A replay is deterministic: at each
 * position the generator asks for a choice with a maximum that depends only on the choices before
 * it, the candidate's value there is clamped into {@code [0, max]}, a position past the
 * candidate's end reads 0, and values past the generator's last question are ignored. So a
 * candidate repeats a recorded run exactly when its clamped, zero-extended values follow that
 * run's path to where the run ended. Only completed runs are recorded (not overruns).
 */
final class ReplayTree {
    /** Nodes kept at most; past it the tree starts over (a smaller cache, never a wrong answer). */
    static final int NODE_LIMIT = 500_000;

    private static final class Node {
        /** The maximum of the choice asked here; -1 where the run ended. */
        long max = -2;
        Map<Long, Node> children;
    }

    private Node root = new Node();
    private int nodes = 1;

    /** Records a completed run: its choices and the maximum of each. */
    void add(long[] choices, long[] maxes) {
        if (nodes + choices.length + 1 > NODE_LIMIT) {
            root = new Node();
            nodes = 1;
        }
        Node n = root;
        for (int i = 0; i < choices.length; i++) {
            n.max = maxes[i];
            if (n.children == null) n.children = new HashMap<>(2);
            Node next = n.children.get(choices[i]);
            if (next == null) {
                next = new Node();
                n.children.put(choices[i], next);
                nodes++;
            }
            n = next;
        }
        n.max = -1;
    }

    /** True when replaying {@code candidate} would repeat a recorded run. */
    boolean known(long[] candidate) {
        Node n = root;
        for (int i = 0; ; i++) {
            if (n.max == -1) return true;
            if (n.max < 0 || n.children == null) return false;
            long v = i < candidate.length ? Math.min(Math.max(candidate[i], 0), n.max) : 0;
            n = n.children.get(v);
            if (n == null) return false;
        }
    }
}
