package org.ftc.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/**
 * {@link Residuals#firstOccurrences} (samples grouped by hash, then compared exactly) names, for
 * every sample, the first equal sample, like the quadratic definition: on repeated points, and on
 * points built so that their hashes collide ({@code (n, C - 31 n)} for {@code 0 <= n <= 60} all hash alike,
 * as {@code Arrays.hashCode} of two small non-negative integers {@code a, b} is {@code 961 + 31 (31 a + 1) + 31 b + 1}), in groups both
 * below and above the size at which a group is sorted instead of scanned.
 */
class FirstOccurrencesProperties {

    static int[] quadratic(Rational[][] samples) {
        int[] first = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            first[i] = i;
            for (int j = 0; j < i; j++) {
                if (Arrays.equals(samples[i], samples[j])) {
                    first[i] = j;
                    break;
                }
            }
        }
        return first;
    }

    @Test
    void firstOccurrencesAreTheFirstEqualSamples() {
        Gen<Rational[]> small = Gens.zip(Gens.longs(-2, 2), Gens.longs(1, 3), Gens.longs(-2, 2), (a, d, b) -> new Rational[] {Rational.of(a, d), Rational.of(b)});
        // count colliding points (n, 1900 - 31 n), n in 0..60 (so repeats too), mixed into the small ones.
        Gen<List<Rational[]>> lists = Gens.zip(Gens.ints(0, 80), Gens.lists(small, 0, 60), Gens.longs(0, Long.MAX_VALUE), (count, smalls, seed) -> {
            java.util.Random random = new java.util.Random(seed);
            List<Rational[]> all = new java.util.ArrayList<>(smalls);
            for (int i = 0; i < count; i++) {
                long n = random.nextInt(61);
                all.add(random.nextInt(all.size() + 1), new Rational[] {Rational.of(n), Rational.of(1900 - 31 * n)});
            }
            return all;
        });
        Property.forAll(lists)
                .cover("a hash group above the sorting size", 10)
                .printer(l -> l.stream().map(Arrays::toString).toList().toString())
                .check((list, ctx) -> {
                    Rational[][] samples = list.toArray(new Rational[0][]);
                    assertThat(Residuals.firstOccurrences(samples)).containsExactly(quadratic(samples));
                    long biggest = list.stream().mapToInt(Arrays::hashCode).boxed()
                            .collect(java.util.stream.Collectors.groupingBy(h -> h, java.util.stream.Collectors.counting()))
                            .values().stream().mapToLong(Long::longValue).max().orElse(0);
                    ctx.classify(biggest > 16, "a hash group above the sorting size");
                });
    }
}
