package org.ftc.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ftc.bounds.Budget;
import org.ftc.bounds.SignedCrossing;
import org.ftc.bounds.TwoLayerCapacity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ftc bounds N [--depth L] [--K K]}: every upper and lower bound by name, the exact FTC_2, the range at each depth (docs/cli.md). */
@Command(name = "bounds", mixinStandardHelpOptions = true,
        description = "Upper budgets (what the constructions guarantee), lower bounds (what some instance forces), the exact FTC_2 and the known range, for N changes at depth 2, 3 or any L.")
final class BoundsCommand implements Callable<Integer> {
    static final long MAX_N = 1_000_000_000_000L;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "N", description = "Number of changed samples (0 <= N <= 10^12).")
    long n;

    @Option(names = "--depth", paramLabel = "L", description = "Only this depth (any L >= 2); depths 2 and 3 when omitted.")
    Integer depth;

    @Option(names = "--K", paramLabel = "K", description = "Number of samples (K >= N): gives the exact FTC_2(N, K) and keeps only the lower bounds whose instances fit in K samples.")
    Long k;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (n < 0 || n > MAX_N) {
            err.println("ftc bounds: N must be in 0..10^12, got " + n);
            return Ftc.BAD_INPUT;
        }
        if (depth != null && (depth < 2 || depth > 1000)) {
            err.println("ftc bounds: --depth must be in 2..1000, got " + depth);
            return Ftc.BAD_INPUT;
        }
        if (k != null && (k < Math.max(1, n) || k > Long.MAX_VALUE / 8)) {
            err.println("ftc bounds: --K must be at least max(N, 1), got " + k);
            return Ftc.BAD_INPUT;
        }
        if (depth == null || depth == 2) depthTwo(out);
        if (depth == null || depth == 3) depthThree(out);
        if (depth != null && depth >= 4) deeper(out, depth);
        out.flush();
        return Ftc.OK;
    }

    /** Whether an instance of {@code needed} samples fits (always when --K is not given). */
    private boolean fits(long needed) {
        return k == null || k >= needed;
    }

    private String kNote(long needed) {
        return needed <= Math.max(1, n) ? "any K >= N" : "K >= " + needed + (fits(needed) ? "" : ", not with --K " + k);
    }

    private void row(PrintWriter out, String kind, String name, long value, String when) {
        out.printf("  %-6s %-46s %14d   %s%n", kind, name, value, when);
    }

    private void depthTwo(PrintWriter out) {
        long threeN = Budget.twoLayerUpper(n), sat = n == 0 ? 0 : TwoLayerCapacity.saturation(n);
        if (n == 0) out.printf("depth 2, N = 0: nothing changes, g = 0 with 0 neurons: FTC_2 = 0 for every K%n");
        else out.printf("depth 2, N = %d: upper %d neurons (T2U: 3N), lower %d (T2L, when K >= 3N + 2 = %d): FTC_2 = %d exactly for K >= %d%n",
                n, threeN, Budget.twoLayerLower(n), sat, threeN, sat);
        row(out, "upper", "T2U (hats: 3N)", threeN, "any K");
        if (k != null) {
            long few = k >= 5 ? k - 2 : k - 1;
            row(out, "upper", "few samples (K - 2 from K = 5, else K - 1)", few, "K = " + k);
        }
        row(out, "lower", "T2L (MB of the alternating hard instance)", threeN, kNote(sat));
        row(out, "lower", "PC (global parameter counting, 2m + 1 >= N)", Budget.parameterCountingLower(2, n), "any K >= N");
        if (k != null) {
            long exact = TwoLayerCapacity.exact(n, k);
            out.printf("  exact  FTC_2(%d, %d) = %d (F2: min(3N, K - 2) for K >= 5; K - 1 for K = 2, 3 and for K = 4 with N >= 2; FTC_2(1, 4) = 2)%n", n, k, exact);
        } else {
            out.printf("  exact  FTC_2(%d, K) = min(3N, K - 2) for K >= 5 (F2; K <= 4: see --K), = %d for K >= %d%n", n, threeN, sat);
        }
    }

    /** The 3-layer upper budget B3 with its M (T3U). */
    private long threeLayerUpper() {
        return Budget.threeLayerUpper(n);
    }

    /** {@code [lower, upper]} lines for depth 3; returns {lower, upper}. */
    private long[] threeLayerRows(PrintWriter out) {
        long m = Budget.threeLayerBestM(n);
        long upper = threeLayerUpper();
        long t3l = Budget.threeLayerLower(n);
        SignedCrossing.Best t3s = SignedCrossing.best(n);
        long pc = Budget.parameterCountingLower(3, n);
        long sat = 3 * n + 2, twoBlock = 4 * n + 1;
        row(out, "upper", "B3 (T3U, M = " + m + ": m1 = " + (n == 0 ? 0 : 2 * m - 1) + ", m2 <= " + (n == 0 ? 0 : 4 * ((n + m - 1) / m)) + ")", upper, "any K");
        row(out, "lower", "T3L (LR3 on the hard instance, 3N breakpoints)", t3l, kNote(sat));
        row(out, "lower", "T3S (signed crossing, two-block n = " + t3s.n() + (t3s.exhaustive() ? "" : ", n near N/2") + ")", t3s.bound(), kNote(twoBlock));
        row(out, "lower", "PC (global parameter counting)", pc, "any K >= N");
        long lower = pc;
        if (fits(sat)) lower = Math.max(lower, t3l);
        if (fits(twoBlock)) lower = Math.max(lower, t3s.bound());
        return new long[] {lower, upper};
    }

    private void depthThree(PrintWriter out) {
        long m = Budget.threeLayerBestM(n);
        out.printf("depth 3, N = %d: upper %d neurons (T3U with M = %d: m1 = %d, m2 <= %d), lower %d (T3L: least m with m + floor(m/2) ceil(m/2) >= 3N)%n",
                n, threeLayerUpper(), m, n == 0 ? 0 : 2 * m - 1, n == 0 ? 0 : 4 * ((n + m - 1) / m), Budget.threeLayerLower(n));
        long[] range = threeLayerRows(out);
        out.printf("  range  %d <= FTC_3(%d, %s) <= %d%s%n", range[0], n, k == null ? "K" : Long.toString(k), range[1],
                k == null ? " (lower for K >= 4N + 1; the constant of sqrt(N) is open between 4 and 4.9)" : "");
    }

    private void deeper(PrintWriter out, int l) {
        long lrl = Budget.depthLowerOnHardInstance(l, n), pc = Budget.parameterCountingLower(l, n);
        long upper = Math.addExact(threeLayerUpper(), l - 3L);
        long sat = 3 * n + 2;
        long lower = fits(sat) ? Math.max(lrl, pc) : pc;
        out.printf("depth %d, N = %d: upper %d neurons (B3 + (L - 3): the 3-layer construction and one pass-through unit per further layer), lower %d (the larger of LRL and PC)%n",
                l, n, upper, lower);
        row(out, "upper", "B3 + (L - 3) (FTC_L <= FTC_3 + L - 3)", upper, "any K");
        row(out, "lower", "LRL (B_L on the hard instance, 3N breakpoints)", lrl, kNote(sat));
        row(out, "lower", "PC (global parameter counting, >= 2 sqrt(N) - 2)", pc, "any K >= N");
        out.printf("  range  %d <= FTC_%d(%d, %s) <= %d (whether depth %d beats depth 3 is open)%n", lower, l, n, k == null ? "K" : Long.toString(k), upper, l);
    }
}
