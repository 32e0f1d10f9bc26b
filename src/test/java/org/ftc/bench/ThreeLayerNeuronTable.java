package org.ftc.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.ftc.arith.Rational;
import org.ftc.bounds.Budget;
import org.ftc.construct.CellPlan;
import org.ftc.construct.ThreeLayerCells;
import org.ftc.gen.Hard;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;

/**
 * Report (not a test): T3U neurons against {@code sqrt(N)} for N up to 100,000, on the hard instance
 * ({@code K = 4N + 1}) and on random 1-D instances ({@code K = 2N}, random signs), into
 * {@code reports/t3u-neurons.csv}. Counts come from the exact plan ({@code neuronCount}).
 * Run: {@code mvn -B -q test-compile exec:java -Dexec.mainClass=org.ftc.bench.ThreeLayerNeuronTable}
 */
public final class ThreeLayerNeuronTable {
    private ThreeLayerNeuronTable() {
    }

    static Instance random(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int k = 2 * n;
        Rational[][] x = new Rational[k][1];
        long pos = 0;
        for (int i = 0; i < k; i++) {
            pos += 1 + rnd.nextInt(100);
            x[i][0] = Rational.of(pos, 2);
        }
        Map<Integer, Rational> ch = new TreeMap<>();
        while (ch.size() < n) {
            int v = rnd.nextInt(1, 10);
            ch.put(rnd.nextInt(k), Rational.of(rnd.nextBoolean() ? v : -v));
        }
        return Instance.withZeroPretrained(1, x, ch, 3);
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "reports/t3u-neurons.csv");
        Files.createDirectories(out.getParent());
        int[] ns = {1, 10, 100, 1_000, 3_000, 10_000, 30_000, 100_000};
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("family,N,K,sqrtN,neurons,neurons_over_sqrtN,M,m1,m2,b3_upper,t3l_lower,seconds");
            for (String family : new String[] {"hard", "random"}) {
                for (int n : ns) {
                    long t0 = System.nanoTime();
                    Instance inst = family.equals("hard") ? Hard.fixed(n, 1, 3) : random(n, 7);
                    CellPlan plan = ThreeLayerCells.plan(Residuals.of(inst));
                    double secs = (System.nanoTime() - t0) / 1e9;
                    double s = Math.sqrt(n);
                    String row = String.format("%s,%d,%d,%.3f,%d,%.4f,%d,%d,%d,%d,%d,%.2f", family, n, inst.sampleCount(), s, plan.neurons(),
                            plan.neurons() / s, plan.cellCount(), plan.m1(), plan.m2(), Budget.threeLayerUpper(n), Budget.threeLayerLower(n), secs);
                    w.println(row);
                    w.flush();
                    System.out.println(row);
                }
            }
        }
    }
}
