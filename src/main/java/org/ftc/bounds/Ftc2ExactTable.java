package org.ftc.bounds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ftc.arith.Rational;
import org.ftc.construct.TwoLayerExact;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.Instance;
import org.ftc.net.Network;

/**
 * Writes {@code reports/ftc2-exact.csv}: {@code FTC_2(N, K)} for {@code N <= maxN},
 * {@code N <= K <= maxK}, certified from both sides.
 * <ul>
 *   <li>Lower: the instance of {@link WorstCaseFamilies} for {@code (N, K)}; its least width by the
 *       O2 oracle ({@code K <= 10}) or by MB (a lower bound on the width), which must reach the
 *       table's value.</li>
 *   <li>Upper: {@link TwoLayerExact} on 1-D instances of every pattern of changed samples and signs
 *       ({@code K <= 12}, up to reversal and negation; random magnitudes) or on 500 random patterns
 *       (larger {@code K}), each fine-tuned exactly ({@code FineTuneCheck}) with at most the table's
 *       value of neurons. (That the construction stays within the value on <em>every</em> instance is
 *       the theorem of proofs-notes/FTC2-exact-table.md; the properties check it on random instances
 *       in any dimension.)</li>
 * </ul>
 * Any violation throws. Usage: {@code java -cp target/classes org.ftc.bounds.Ftc2ExactTable [dir] [maxN] [maxK]}.
 */
public final class Ftc2ExactTable {
    private Ftc2ExactTable() {
    }

    static final int EXHAUSTIVE_UP_TO_K = 12, ORACLE_UP_TO_K = 10, RANDOM_PATTERNS = 500;

    /** One certified entry. */
    public record Row(int n, int k, long value, int lower, String lowerBy, String attaining, int upperMax, long upperInstances, boolean exhaustive) {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "reports");
        int maxN = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int maxK = args.length > 2 ? Integer.parseInt(args[2]) : 21;
        long start = System.nanoTime();
        StringBuilder csv = new StringBuilder("N,K,ftc2,lower,lower_by,attaining_instance,upper_max_neurons,upper_instances,upper_exhaustive\n");
        for (int n = 1; n <= maxN; n++) {
            for (int k = n; k <= maxK; k++) {
                Row r = row(n, k, 20261201L);
                csv.append(r.n()).append(',').append(r.k()).append(',').append(r.value()).append(',').append(r.lower()).append(',')
                        .append(r.lowerBy()).append(',').append(r.attaining()).append(',').append(r.upperMax()).append(',')
                        .append(r.upperInstances()).append(',').append(r.exhaustive()).append('\n');
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("ftc2-exact.csv"), csv.toString());
        System.out.printf("wrote %s in %.1f s%n", dir.resolve("ftc2-exact.csv"), (System.nanoTime() - start) / 1e9);
    }

    /** The certified entry for {@code (N, K)}; throws if either side fails. */
    public static Row row(int n, int k, long seed) {
        long value = TwoLayerCapacity.exact(n, k);
        Rational[][] family = WorstCaseFamilies.data(n, k);
        int lower;
        String by;
        if (k <= ORACLE_UP_TO_K) {
            lower = TwoLayerWidth.width(family[0], family[1]);
            by = "O2";
        } else {
            lower = MinimumBreakpoints.count(family[0], family[1]);
            by = "MB";
        }
        if (lower != value) {
            throw new IllegalStateException("FTC_2(" + n + ", " + k + ") = " + value + " but the family " + WorstCaseFamilies.describe(WorstCaseFamilies.pattern(n, k))
                    + " needs " + lower + " (" + by + ")");
        }
        SplittableRandom random = new SplittableRandom(seed ^ (1000L * n + k));
        int upperMax = 0;
        long instances = 0;
        boolean exhaustive = k <= EXHAUSTIVE_UP_TO_K;
        if (exhaustive) {
            for (int mask = 0; mask < (1 << k); mask++) {
                if (Integer.bitCount(mask) != n || mask > MbWorstCaseTable.reverse(mask, k)) continue;
                for (int signs = 0; signs < (1 << (n - 1)); signs++) {
                    upperMax = Math.max(upperMax, checkUpper(n, k, mask, signs, random, value));
                    instances++;
                }
            }
        } else {
            for (int t = 0; t < RANDOM_PATTERNS; t++) {
                int mask = randomMask(n, k, random);
                int signs = random.nextInt(1 << (n - 1));
                upperMax = Math.max(upperMax, checkUpper(n, k, mask, signs, random, value));
                instances++;
            }
        }
        return new Row(n, k, value, lower, by, WorstCaseFamilies.describe(WorstCaseFamilies.pattern(n, k)), upperMax, instances, exhaustive);
    }

    private static int randomMask(int n, int k, SplittableRandom random) {
        int mask = 0;
        while (Integer.bitCount(mask) < n) mask |= 1 << random.nextInt(k);
        return mask;
    }

    /** Builds the 1-D instance of (mask, signs) with random magnitudes, fine-tunes it, returns the neurons used. */
    private static int checkUpper(int n, int k, int mask, int signs, SplittableRandom random, long value) {
        Rational[][] samples = new Rational[k][];
        Map<Integer, Rational> changes = new HashMap<>();
        int c = 0;
        for (int i = 0; i < k; i++) {
            samples[i] = new Rational[] {Rational.of(i)};
            if ((mask >> i & 1) == 1) {
                boolean negative = c > 0 && (signs >> (c - 1) & 1) == 1;
                Rational magnitude = Rational.of(1 + random.nextInt(9), 1 + random.nextInt(4));
                changes.put(i, negative ? magnitude.negate() : magnitude);
                c++;
            }
        }
        Instance instance = Instance.withZeroPretrained(1, samples, changes, 2);
        Network<Rational> g = TwoLayerExact.construct(instance);
        FineTuneCheck.Report report = FineTuneCheck.check(instance, g);
        if (!report.fineTuned()) throw new IllegalStateException("TwoLayerExact fails on " + instance + ": " + report.describe(3));
        if (g.neurons() > value) throw new IllegalStateException("TwoLayerExact uses " + g.neurons() + " > FTC_2 = " + value + " on " + instance);
        return g.neurons();
    }
}
