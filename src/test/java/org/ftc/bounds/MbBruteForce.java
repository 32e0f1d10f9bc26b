package org.ftc.bounds;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ftc.arith.Rational;

/**
 * An independent brute force for MB on tiny data ({@code n <= 5} intervals), used only by tests.
 *
 * <p>It enumerates <em>layouts</em>: for every interval the number {@code c_i} of breakpoints strictly
 * inside it (0, 1 or 2; 3 or more are never needed since 2 already allow any entering and leaving
 * slope), and for every interior data point whether it is a breakpoint; in order of total count. A
 * layout is feasible when concrete slopes exist: entering slope {@code a_i} and leaving slope
 * {@code b_i} per interval with {@code a_i = b_i = s_i} if {@code c_i = 0}, {@code s_i} strictly
 * between them if {@code c_i = 1}, anything if {@code c_i = 2}, and {@code b_{i-1} = a_i} where the
 * point {@code p_i} is not a breakpoint. These constraints compare slopes only with the secants and
 * with each other by equality, so it suffices to try one representative of every cell of the secants'
 * arrangement (each secant, a point between consecutive ones, one below, one above): a finite,
 * exhaustive search over concrete values, sharing nothing with the oracle's region programme.
 * The minimal feasible layout's total is the answer.
 */
final class MbBruteForce {
    private MbBruteForce() {
    }

    static int count(Rational[] p, Rational[] v) {
        int n = p.length - 1;
        if (n > 5) throw new IllegalArgumentException("brute force is for at most 5 intervals");
        if (n <= 0) return 0;
        Rational[] s = new Rational[n];
        for (int i = 0; i < n; i++) s[i] = v[i + 1].subtract(v[i]).divide(p[i + 1].subtract(p[i]));
        List<Rational> cells = cells(s);
        for (int total = 0; total <= 3 * n; total++) {
            int layouts = 1;
            for (int i = 0; i < n; i++) layouts *= 3;
            for (int code = 0; code < layouts; code++) {
                int[] c = new int[n];
                int x = code, sum = 0;
                for (int i = 0; i < n; i++) {
                    c[i] = x % 3;
                    x /= 3;
                    sum += c[i];
                }
                for (int flags = 0; flags < (1 << (n - 1)); flags++) {
                    if (sum + Integer.bitCount(flags) != total) continue;
                    if (feasible(s, c, flags, cells, 0, null, new HashSet<>())) return total;
                }
            }
        }
        throw new IllegalStateException("no layout found");
    }

    private static List<Rational> cells(Rational[] s) {
        TreeSet<Rational> distinct = new TreeSet<>(List.of(s));
        List<Rational> out = new ArrayList<>();
        Rational previous = null;
        for (Rational x : distinct) {
            out.add(previous == null ? x.subtract(Rational.ONE) : previous.add(x).divide(Rational.TWO));
            out.add(x);
            previous = x;
        }
        out.add(previous.add(Rational.ONE));
        return out;
    }

    /** Depth-first over intervals; {@code leave} is the previous interval's leaving slope (null before the first). */
    private static boolean feasible(Rational[] s, int[] c, int flags, List<Rational> cells, int i, Rational leave, Set<String> failed) {
        if (i == s.length) return true;
        String key = i + ":" + leave;
        if (failed.contains(key)) return false;
        boolean free = i == 0 || (flags >> (i - 1) & 1) == 1;
        List<Rational> entering = free ? cells : List.of(leave);
        for (Rational a : entering) {
            for (Rational b : cells) {
                boolean ok = switch (c[i]) {
                    case 0 -> a.compareTo(s[i]) == 0 && b.compareTo(s[i]) == 0;
                    case 1 -> (a.compareTo(s[i]) < 0 && s[i].compareTo(b) < 0) || (a.compareTo(s[i]) > 0 && s[i].compareTo(b) > 0);
                    default -> true;
                };
                if (ok && feasible(s, c, flags, cells, i + 1, b, failed)) return true;
            }
        }
        failed.add(key);
        return false;
    }
}
