package org.ftc.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ftc.bounds.Budget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bounds", mixinStandardHelpOptions = true,
        description = "Upper budgets (what the constructions guarantee) and lower bounds (what the hard instance forces) for N changes.")
final class BoundsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "N", description = "Number of changed samples (N >= 0).")
    long n;

    @Option(names = "--depth", paramLabel = "L", description = "Only this depth (2 or 3); both when omitted.")
    Integer depth;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (n < 0 || n > 1_000_000_000_000L) {
            spec.commandLine().getErr().println("ftc bounds: N must be in 0..10^12, got " + n);
            return Ftc.BAD_INPUT;
        }
        if (depth != null && depth != 2 && depth != 3) {
            spec.commandLine().getErr().println("ftc bounds: --depth must be 2 or 3, got " + depth);
            return Ftc.BAD_INPUT;
        }
        if (depth == null || depth == 2) {
            out.printf("depth 2, N = %d: upper %d neurons (T2U: 3N), lower %d (T2L, when K >= 4N + 1 = %d; with alternating signs already from K = 3N + 2): FTC_2 = %d exactly%n",
                    n, Budget.twoLayerUpper(n), Budget.twoLayerLower(n), 4 * n + 1, Budget.twoLayerUpper(n));
        }
        if (depth == null || depth == 3) {
            long m = Budget.threeLayerBestM(n);
            long upper = Budget.threeLayerUpper(n);
            out.printf("depth 3, N = %d: upper %d neurons (T3U with M = %d: m1 = %d, m2 <= %d), lower %d (T3L: least m with m + floor(m/2) ceil(m/2) >= 3N)%n",
                    n, upper, m, n == 0 ? 0 : 2 * m - 1, n == 0 ? 0 : 4 * ((n + m - 1) / m), Budget.threeLayerLower(n));
        }
        out.flush();
        return Ftc.OK;
    }
}
