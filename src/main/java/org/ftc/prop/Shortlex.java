package org.ftc.prop;

/** The order the shrinker minimises: shorter sequences first, then lexicographic by choice. */
final class Shortlex {
    private Shortlex() {
    }

    static int compare(long[] a, long[] b) {
        if (a.length != b.length) return Integer.compare(a.length, b.length);
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) return Long.compare(a[i], b[i]);
        }
        return 0;
    }

    static boolean less(long[] a, long[] b) {
        return compare(a, b) < 0;
    }
}
