package org.ftc.prop.bench;

import static org.ftc.prop.Gens.*;


import org.ftc.prop.Gen;
import org.ftc.prop.Property;
import org.ftc.prop.PropertyResult;

/**
 * Throughput of the property runner on trivial bodies (not a unit test). Run after
 * {@code mvn -B -q test-compile}:
 * {@code java -cp target/classes:target/test-classes org.ftc.prop.bench.EngineBench}
 */
public final class EngineBench {
    private EngineBench() {
    }

    public static void main(String[] args) {
        int tries = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        measure("ints(0, 1000)", ints(0, 1000), tries);
        measure("rationals()", rationals(), tries / 4);
        measure("lists(ints(-100, 100), 0, 10)", lists(ints(-100, 100), 0, 10), tries / 4);
    }

    private static <T> void measure(String name, Gen<T> gen, int tries) {
        double[] rates = new double[5];
        for (int round = 0; round < rates.length; round++) { // round 0 warms up the JIT
            long start = System.nanoTime();
            PropertyResult<T> r = Property.forAll(gen).named("bench").quiet().ignoreSystemProperties().noFailureFile()
                    .seed(round).tries(tries).run((x, ctx) -> { });
            double secs = (System.nanoTime() - start) / 1e9;
            if (!r.passed() || r.tries() != tries) throw new IllegalStateException("bench property did not run fully");
            rates[round] = tries / secs;
            System.out.printf("%-32s round %d: %,d tries in %.2f s = %,.0f tries/s%n", name, round, tries, secs,
                    tries / secs);
        }
        double[] measured = java.util.Arrays.copyOfRange(rates, 1, rates.length);
        java.util.Arrays.sort(measured);
        System.out.printf("%-32s median of rounds 1-4: %,.0f tries/s (min %,.0f)%n", name,
                (measured[1] + measured[2]) / 2, measured[0]);
    }

}
