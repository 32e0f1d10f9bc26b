package org.ftc.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ftc.bounds.Budget;
import org.ftc.construct.CellPlan;
import org.ftc.construct.ThreeLayerCells;
import org.ftc.gen.Hard;
import org.ftc.instance.Residuals;

/**
 * Report (not a test): the T3U count on the hard instance against the T3L lower bound, for
 * N = 1..1024 and powers of two up to 4096, into {@code reports/t3u-ratio.csv}.
 * Run: {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.ftc.bench.ThreeLayerRatioCurve}
 */
public final class ThreeLayerRatioCurve {
    private ThreeLayerRatioCurve() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "reports/t3u-ratio.csv");
        Files.createDirectories(out.getParent());
        double worst16 = 0, worstAll = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("N,K,neurons,M,m1,m2,t3l_lower,ratio,b3_upper,sqrtN_coefficient");
            for (int n = 1; n <= 4096; n = n < 1024 ? n + 1 : n * 2) {
                CellPlan plan = ThreeLayerCells.plan(Residuals.of(Hard.fixed(n, 1, 3)));
                long lower = Budget.threeLayerLower(n);
                double ratio = (double) plan.neurons() / lower;
                if (n <= 1024) worstAll = Math.max(worstAll, ratio);
                if (n >= 16 && n <= 1024) worst16 = Math.max(worst16, ratio);
                w.printf("%d,%d,%d,%d,%d,%d,%d,%.4f,%d,%.4f%n", n, 4 * n + 1, plan.neurons(), plan.cellCount(), plan.m1(), plan.m2(),
                        lower, ratio, Budget.threeLayerUpper(n), plan.neurons() / Math.sqrt(n));
                if (n == 16 || n == 64 || n == 256 || n == 1024 || n == 4096) {
                    System.out.printf("N=%d neurons=%d (M=%d, m2=%d) T3L=%d ratio=%.4f B3=%d%n", n, plan.neurons(), plan.cellCount(), plan.m2(),
                            lower, ratio, Budget.threeLayerUpper(n));
                }
            }
        }
        System.out.printf("worst ratio N<=1024: %.4f; 16<=N<=1024: %.4f; written %s%n", worstAll, worst16, out);
    }
}
