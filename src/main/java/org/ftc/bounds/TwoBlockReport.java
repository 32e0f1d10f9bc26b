package org.ftc.bounds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.construct.Constructions;
import org.ftc.construct.OneSwitchTriples;
import org.ftc.gen.TwoBlock;
import org.ftc.instance.FineTuneCheck;
import org.ftc.net.Network;

/**
 * Writes {@code reports/t3s-two-block.csv}, one row per {@code N}: on the two-block instance with the split {@code n} that
 * maximises T3S, for {@code 16 <= N <= 4096}, the one-switch construction's neuron count (formula,
 * with the best {@code T}) against T3S and T3L; for the listed sizes the network is built and checked
 * exactly ({@code FineTuneCheck}), together with the default 3-layer construction (T3U). Throws if a
 * built network fails or differs from the formula.
 * Usage: {@code java -cp target/classes org.ftc.bounds.TwoBlockReport [dir]}.
 */
public final class TwoBlockReport {
    private TwoBlockReport() {
    }

    static final int[] BUILT = {16, 20, 32, 64, 100, 128, 256, 512, 1000, 1024, 2048, 4096};

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "reports");
        long start = System.nanoTime();
        StringBuilder csv = new StringBuilder("N,n,T3S,T3L,switch_T,switch_neurons,switch_minus_T3S,built_and_checked,t3u_neurons\n");
        long worstGap = Long.MIN_VALUE;
        int worstAt = 0;
        for (int bigN = 16; bigN <= 4096; bigN++) {
            SignedCrossing.Best best = SignedCrossing.best(bigN);
            long n = best.n(), t = OneSwitchTriples.bestT(bigN, n), count = OneSwitchTriples.neuronCount(bigN, n, t);
            long gap = count - best.bound();
            if (gap > worstGap) {
                worstGap = gap;
                worstAt = bigN;
            }
            final int size = bigN;
            boolean build = java.util.Arrays.stream(BUILT).anyMatch(b -> b == size);
            String t3u = "";
            if (build) {
                TwoBlock.Case c = TwoBlock.fixed(bigN, (int) n, 3);
                Network<Rational> g = OneSwitchTriples.construct(c.instance());
                if (!FineTuneCheck.check(c.instance(), g).fineTuned()) throw new IllegalStateException("one-switch fails at N = " + bigN);
                if (g.neurons() != count) throw new IllegalStateException("one-switch uses " + g.neurons() + ", formula " + count + " at N = " + bigN);
                Network<Rational> u = Constructions.construct(RationalField.INSTANCE, c.instance());
                if (!FineTuneCheck.check(c.instance(), u).fineTuned()) throw new IllegalStateException("T3U fails at N = " + bigN);
                t3u = Integer.toString(u.neurons());
            }
            {
                csv.append(bigN).append(',').append(n).append(',').append(best.bound()).append(',').append(Budget.threeLayerLower(bigN)).append(',')
                        .append(t).append(',').append(count).append(',').append(gap).append(',').append(build).append(',').append(t3u).append('\n');
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("t3s-two-block.csv"), csv.toString());
        System.out.printf("wrote %s in %.1f s; largest switch - T3S over 16 <= N <= 4096: %d (first at N = %d)%n",
                dir.resolve("t3s-two-block.csv"), (System.nanoTime() - start) / 1e9, worstGap, worstAt);
    }
}
