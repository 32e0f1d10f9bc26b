package org.ftc.bench;

import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.bounds.Budget;
import org.ftc.construct.ThreeLayerCells;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.Instance;
import org.ftc.net.Network;

/**
 * Benchmark (not a test): exact T3U construct + exact verify for {@code d = 16}, {@code K = 100,000},
 * {@code N = 10,000}, with a random pre-trained network of widths 8, 8. Target: under 20 s.
 * Run: {@code mvn -B -q test-compile exec:java -Dexec.mainClass=org.ftc.bench.ThreeLayerBench}
 * (optional args: d K N repetitions).
 */
public final class ThreeLayerBench {
    private ThreeLayerBench() {
    }

    public static void main(String[] args) {
        int d = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Instance inst = BenchInstances.random(d, k, n, 3, 42);
        System.out.printf("T3U exact benchmark: d=%d K=%d N=%d (pretrained widths 8,8)%n", d, k, n);
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            Network<Rational> g = ThreeLayerCells.construct(RationalField.INSTANCE, inst);
            long t1 = System.nanoTime();
            FineTuneCheck.Report report = FineTuneCheck.check(inst, g);
            long t2 = System.nanoTime();
            System.out.printf("  run %d: construct %.2f s, verify %.2f s, total %.2f s, widths %d + %d = %d neurons (B3(N) = %d), fine-tuned %s%n",
                    r + 1, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9, g.hiddenWidths()[0], g.hiddenWidths()[1], g.neurons(),
                    Budget.threeLayerUpper(n), report.fineTuned());
            if (!report.fineTuned()) throw new AssertionError(report.describe(5));
        }
    }
}
