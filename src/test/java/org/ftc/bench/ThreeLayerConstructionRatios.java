package org.ftc.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.bounds.Budget;
import org.ftc.bounds.HardInstances;
import org.ftc.construct.ThreeLayerCells;
import org.ftc.construct.ThreeLayerCuts;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Network;

/**
 * Report (not a test): neurons of T3U, T3C and {@code best} against the T3L lower bound on the T2L
 * hard instances, {@code positive} ({@code u u c (u u u c)^{N-1} u u}, every residual positive) and
 * {@code alternating} ({@code u u c (u u c)^{N-1} u u}, signs {@code +, -, +, ...}), for
 * {@code N = 1..1024} and every 8th {@code N} up to 4096, into {@code reports/t3-ratio.csv}. The
 * columns {@code t3s_lower} and {@code switch} are left empty here, for rows of other instance
 * families and lower bounds (the two-block instances) that another generator appends.
 * Run: {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.ftc.bench.ThreeLayerConstructionRatios}
 */
public final class ThreeLayerConstructionRatios {
    private ThreeLayerConstructionRatios() {
    }

    static Instance hard(HardInstances.Variant variant, int n) {
        boolean[] changed = HardInstances.pattern(n, variant, 0, 0);
        Rational[] t = new Rational[changed.length];
        for (int i = 0; i < t.length; i++) t[i] = Rational.of(i);
        Rational[] residuals = new Rational[n];
        for (int c = 0; c < n; c++) residuals[c] = Rational.of(variant.residualSign(c) * (1 + c % 3));
        Network<Rational> zero = Network.zero(RationalField.INSTANCE, 1, 2);
        return HardInstances.onLine(variant, changed, t, new Rational[] {Rational.ZERO}, new Rational[] {Rational.ONE}, zero, residuals, 3);
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "reports/t3-ratio.csv");
        Files.createDirectories(out.getParent());
        double worst256 = 0;
        int worstN = 0;
        String worstFamily = "";
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("family,N,K,t3u,t3c,best,t3l_lower,best_over_t3l,t3s_lower,switch,t3c_T_plus,t3c_T_minus,t3c_C");
            for (HardInstances.Variant variant : new HardInstances.Variant[] {HardInstances.Variant.THREE_N, HardInstances.Variant.ALTERNATING}) {
                String family = variant == HardInstances.Variant.THREE_N ? "positive" : "alternating";
                for (int n = 1; n <= 4096; n = n < 1024 ? n + 1 : n + 8) {
                    Instance inst = hard(variant, n);
                    Residuals residuals = Residuals.of(inst);
                    int u = ThreeLayerCells.neuronCount(residuals);
                    var plan = ThreeLayerCuts.plan(residuals);
                    int c = plan.neurons();
                    int best = Math.min(u, c);
                    long lower = Budget.threeLayerLower(n);
                    double ratio = (double) best / lower;
                    if (n >= 256 && ratio > worst256) {
                        worst256 = ratio;
                        worstN = n;
                        worstFamily = family;
                    }
                    w.printf("%s,%d,%d,%d,%d,%d,%d,%.4f,,,%d,%d,%d%n", family, n, inst.sampleCount(), u, c, best, lower, ratio,
                            plan.tPlus(), plan.tMinus(), plan.groups());
                    if (n == 16 || n == 100 || n == 256 || n == 1024 || n == 4096) {
                        System.out.printf("%s N=%d: T3U %d, T3C %d, best %d, T3L %d, best/T3L %.4f%n", family, n, u, c, best, lower, ratio);
                    }
                }
            }
        }
        System.out.printf("worst best/T3L for N >= 256: %.4f (%s, N = %d); written %s%n", worst256, worstFamily, worstN, out);
    }
}
