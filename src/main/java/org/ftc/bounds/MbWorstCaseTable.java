package org.ftc.bounds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ftc.arith.Rational;

/**
 * The worst case of MB over 1-D patterns: for {@code N <= 5} changed samples among {@code K <= 21}
 * equally spaced samples ({@code p_i = i}), every choice of changed positions and every sign pattern
 * of the residuals, with random magnitudes, the largest exact minimum number of breakpoints. Since
 * an L=2 network restricted to the line has at most {@code m} breakpoints (LR2), this is a lower
 * bound on the 2-layer neurons those patterns need; T2U caps it at {@code 3N}.
 *
 * <p>Symmetry: reversing the order and negating every residual preserve MB, so only patterns with
 * {@code mask <= reverse(mask)} and a positive first residual are computed. Magnitudes are drawn from
 * a seed fixed per (N, K, mask), so the table does not depend on thread scheduling.
 *
 * <p>Usage: {@code java -cp target/classes org.ftc.bounds.MbWorstCaseTable [reports-dir] [maxN] [maxK]}.
 */
public final class MbWorstCaseTable {
    private MbWorstCaseTable() {
    }

    /** One row of the table. */
    public record Row(int n, int k, int worst, int best, long patterns, String worstPattern, long attainingWorst) {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "reports");
        int maxN = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int maxK = args.length > 2 ? Integer.parseInt(args[2]) : 21;
        long start = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n <= maxN; n++) {
            for (int k = n; k <= maxK; k++) rows.add(row(n, k, 20240715L));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("N,K,worst_MB,three_N,best_MB,patterns,attaining_worst,worst_pattern\n");
        for (Row r : rows) {
            csv.append(r.n()).append(',').append(r.k()).append(',').append(r.worst()).append(',').append(3 * r.n()).append(',')
                    .append(r.best()).append(',').append(r.patterns()).append(',').append(r.attainingWorst()).append(',')
                    .append(r.worstPattern()).append('\n');
        }
        Files.writeString(dir.resolve("mb-worst-case.csv"), csv.toString());
        Files.writeString(dir.resolve("mb-worst-case.md"), markdown(rows, maxN, maxK, seconds));
        System.out.printf("wrote %d rows to %s in %.1f s%n", rows.size(), dir.resolve("mb-worst-case.csv"), seconds);
    }

    /** The row for {@code (N, K)}: all masks up to reversal, all signs up to negation. */
    public static Row row(int n, int k, long seed) {
        if (n < 1 || k < n || k > 30) throw new IllegalArgumentException("need 1 <= N <= K <= 30, got N=" + n + ", K=" + k);
        List<Integer> masks = new ArrayList<>();
        for (int mask = 0; mask < (1 << k); mask++) {
            if (Integer.bitCount(mask) == n && mask <= reverse(mask, k)) masks.add(mask);
        }
        Rational[] p = new Rational[k];
        for (int i = 0; i < k; i++) p[i] = Rational.of(i);
        Row[] partial = IntStream.range(0, masks.size()).parallel().mapToObj(idx -> {
            int mask = masks.get(idx);
            SplittableRandom random = new SplittableRandom(seed ^ (31L * n + k) * 0x9E3779B97F4A7C15L ^ mask);
            int worst = -1, best = Integer.MAX_VALUE;
            long count = 0, attaining = 0;
            String worstPattern = "";
            for (int signs = 0; signs < (1 << (n - 1)); signs++) {
                Rational[] v = new Rational[k];
                StringBuilder pattern = new StringBuilder();
                int c = 0;
                for (int i = 0; i < k; i++) {
                    if ((mask >> i & 1) == 0) {
                        v[i] = Rational.ZERO;
                        pattern.append('u');
                    } else {
                        boolean negative = c > 0 && (signs >> (c - 1) & 1) == 1; // the first residual is positive
                        Rational magnitude = Rational.of(1 + random.nextInt(9), 1 + random.nextInt(4));
                        v[i] = negative ? magnitude.negate() : magnitude;
                        pattern.append(negative ? '-' : '+');
                        c++;
                    }
                }
                int mb = MinimumBreakpoints.count(p, v);
                count++;
                if (mb > worst) {
                    worst = mb;
                    attaining = 0;
                    worstPattern = pattern.toString();
                }
                if (mb == worst) attaining++;
                best = Math.min(best, mb);
            }
            return new Row(n, k, worst, best, count, worstPattern, attaining);
        }).toArray(Row[]::new);
        int worst = -1, best = Integer.MAX_VALUE;
        long count = 0, attaining = 0;
        String worstPattern = "";
        for (Row r : partial) {
            count += r.patterns();
            best = Math.min(best, r.best());
            if (r.worst() > worst) {
                worst = r.worst();
                attaining = 0;
                worstPattern = r.worstPattern();
            }
            if (r.worst() == worst) attaining += r.attainingWorst();
        }
        return new Row(n, k, worst, best, count, worstPattern, attaining);
    }

    static int reverse(int mask, int k) {
        return Integer.reverse(mask) >>> (32 - k);
    }

    private static String markdown(List<Row> rows, int maxN, int maxK, double seconds) {
        StringBuilder s = new StringBuilder();
        s.append("# Worst case of MB over 1-D patterns\n\n");
        s.append("Generated by `org.ftc.bounds.MbWorstCaseTable` (").append(String.format("%.1f", seconds))
                .append(" s on 2 cores). Data: `mb-worst-case.csv`.\n\n");
        s.append("K samples at p_i = i; N of them changed (every choice of positions, up to reversal), every sign pattern\n"
                + "(up to negating all), magnitudes random in {1..9}/{1..4} (seed 20240715, fixed per pattern); untouched\n"
                + "samples have residual 0. `worst` is the largest exact MB (minimum breakpoints of a continuous PL\n"
                + "interpolant), hence by LR2 a lower bound on the 2-layer neurons those instances need; T2U gives at most\n"
                + "3N, so `worst <= 3N` always. Random magnitudes: a pattern's worst case over all magnitudes may be higher\n"
                + "than the one drawn, so each entry is a lower bound on the true worst case (and equals it once it reaches 3N).\n"
                + "`attaining` counts the computed (mask, signs) pairs reaching `worst`; `pattern` is one of them\n"
                + "(u untouched, +/- changed with that residual sign).\n\n"
                + "**This table is MB, not FTC_2.** MB is a lower bound on the 2-layer width, and the least width is MB or\n"
                + "MB + 1 (the 1-D oracle O2). The two agree in the worst case for K >= 5, where FTC_2 = min(3N, K - 2), but not\n"
                + "for K <= 4: there a zigzag pattern (every secant nonzero, signs alternating) needs K - 1 units, one more\n"
                + "than its MB (so FTC_2(N, 3) = 2 and FTC_2(N, 4) = 3 for N >= 2, while this table shows 1 and 2). The exact\n"
                + "FTC_2 table, certified from both sides, is `ftc2-exact.csv` (proofs-notes/FTC2-exact-table.md).\n\n");
        s.append("| N \\ K |");
        for (int k = 1; k <= maxK; k++) s.append(' ').append(k).append(" |");
        s.append("\n|---|");
        for (int k = 1; k <= maxK; k++) s.append("---|");
        s.append('\n');
        for (int n = 1; n <= maxN; n++) {
            s.append("| ").append(n).append(" (3N=").append(3 * n).append(") |");
            for (int k = 1; k <= maxK; k++) {
                String cell = " ";
                for (Row r : rows) if (r.n() == n && r.k() == k) cell = Integer.toString(r.worst());
                s.append(' ').append(cell).append(" |");
            }
            s.append('\n');
        }
        s.append("\nFirst K where the worst case reaches 3N, and a pattern attaining it:\n\n| N | K | pattern |\n|---|---|---|\n");
        for (int n = 1; n <= maxN; n++) {
            for (Row r : rows) {
                if (r.n() == n && r.worst() == 3 * n) {
                    s.append("| ").append(n).append(" | ").append(r.k()).append(" | `").append(r.worstPattern()).append("` |\n");
                    break;
                }
            }
        }
        return s.toString();
    }
}
