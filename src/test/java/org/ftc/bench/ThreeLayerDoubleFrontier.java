package org.ftc.bench;

import org.ftc.io.NumberParser;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.ftc.arith.DoubleField;
import org.ftc.arith.Rational;
import org.ftc.construct.ThreeLayerCells;
import org.ftc.construct.TwoLayerHats;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Network;

/**
 * Report (not a test): where the {@code double} versions of T2U and T3U start to fail, as a function
 * of gap over magnitude. Samples {@code x_i = S + i g} ({@code i = 0..40}, d = 1), every 4th one changed
 * to a residual in {1, 2, 3} (f = 0), for magnitudes {@code S = 1, 10^3, ..., 10^12} and
 * {@code g / S = 10^0 ... 10^-17}. Each network is built in double and judged exactly; "ok" means
 * max error {@code <= 10^-6 R}. Writes {@code reports/double-frontier.csv}.
 * Run: {@code mvn -B -q test-compile exec:java -Dexec.mainClass=org.ftc.bench.ThreeLayerDoubleFrontier}
 */
public final class ThreeLayerDoubleFrontier {
    private ThreeLayerDoubleFrontier() {
    }

    static Instance line(Rational magnitude, Rational gap) {
        int k = 41;
        Rational[][] x = new Rational[k][1];
        for (int i = 0; i < k; i++) x[i][0] = magnitude.add(gap.multiply(Rational.of(i)));
        Map<Integer, Rational> ch = new TreeMap<>();
        for (int i = 2; i < k; i += 4) ch.put(i, Rational.of(1 + (i / 4) % 3));
        return Instance.withZeroPretrained(1, x, ch, 3);
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "reports/double-frontier.csv");
        Files.createDirectories(out.getParent());
        Rational tolerance = NumberParser.exact("3e-6"); // 10^-6 R with R = 3
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("construction,magnitude_log10,gap_over_magnitude_log10,max_error,max_error_over_R,exact,ok");
            for (int sExp = 0; sExp <= 12; sExp += 3) {
                Rational s = NumberParser.exact("1e" + sExp);
                int[] frontier = {99, 99};
                for (int ratioExp = 0; ratioExp >= -17; ratioExp--) {
                    Rational gap = s.multiply(NumberParser.exact("1e" + ratioExp));
                    Instance inst = line(s, gap);
                    Residuals residuals = Residuals.of(inst);
                    for (int c = 0; c < 2; c++) {
                        String name = c == 0 ? "T2U" : "T3U";
                        String err, rel, exact, ok;
                        try {
                            Network<Double> g = c == 0 ? TwoLayerHats.construct(DoubleField.INSTANCE, residuals, 1)
                                    : ThreeLayerCells.construct(DoubleField.INSTANCE, residuals, 1);
                            FineTuneCheck.Report report = FineTuneCheck.check(inst, g.toExact());
                            err = String.format("%.3e", report.maxError().doubleValue());
                            rel = String.format("%.3e", report.maxError().doubleValue() / 3);
                            exact = String.valueOf(report.fineTuned());
                            boolean good = report.maxError().compareTo(tolerance) <= 0;
                            ok = String.valueOf(good);
                            if (!good && frontier[c] == 99) frontier[c] = ratioExp;
                        } catch (ArithmeticException e) {
                            err = "construction-failed";
                            rel = "";
                            exact = "false";
                            ok = "false";
                            if (frontier[c] == 99) frontier[c] = ratioExp;
                        }
                        w.printf("%s,%d,%d,%s,%s,%s,%s%n", name, sExp, ratioExp, err, rel, exact, ok);
                    }
                }
                System.out.printf("S = 1e%d: first failing g/S: T2U 1e%d, T3U 1e%d%n", sExp, frontier[0], frontier[1]);
            }
        }
    }
}
