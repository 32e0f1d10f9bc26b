package org.ftc.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.ftc.arith.Rational;
import org.ftc.instance.Instance;
import org.ftc.io.InstanceCodec;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.SpanDeletions;
import org.junit.jupiter.api.Test;

/**
 * The instance generators let the shrinker take a sample set and the label changes apart one
 * element at a time: deleting one span removes one sample, or one change, and leaves the rest of
 * the instance as it was. Before, a change was a flag per sample drawn after all the samples, and
 * a full sample set had no "no more" choice; a counterexample could then stop at 4 to 12 samples
 * where one sample fails the same way (the jvm-consumer check in CI failed on such a seed).
 */
class ShrinkableGeneratorsTest {
    @Test
    void everySampleOfASetGoesByDeletingOneSpan() {
        // coordinates from a wide range, so that two points of a set are never equal (no merging)
        Gen<Rational> wide = Gens.ints(1, 1_000_000_000).map(i -> Rational.of(BigInteger.valueOf(i)));
        Gen<List<Object>> gen = Gens.zip(Samples.random(3, 6, wide), Gens.ints(1, 1000), (set, y) -> List.of(set, y));
        int full = 0;
        for (long seed = 0; seed < 200; seed++) {
            SpanDeletions<List<Object>> d = SpanDeletions.of(gen, seed);
            Rational[][] points = ((SampleSet) d.value().get(0)).points();
            if (points.length == 6) full++;
            for (int j = 0; points.length > 1 && j < points.length; j++) { // a set has at least one point
                List<Rational[]> without = new ArrayList<>(Arrays.asList(points));
                without.remove(j);
                String expected = Arrays.deepToString(without.toArray()) + " " + d.value().get(1);
                assertThat(d.afterDeletion()).as("seed %d, point %d", seed, j)
                        .anyMatch(v -> (Arrays.deepToString(((SampleSet) v.get(0)).points()) + " " + v.get(1)).equals(expected));
            }
        }
        assertThat(full).as("sets with all 6 points among 200").isGreaterThan(50);
    }

    @Test
    void everyChangeOfARandomSubsetGoesByDeletingOneSpan() {
        Gen<GeneratedInstance> gen = Instances.instances(2, 3, 12);
        int checked = 0;
        for (long seed = 0; seed < 300; seed++) {
            SpanDeletions<GeneratedInstance> d = SpanDeletions.of(gen, seed);
            Instance instance = d.value().instance();
            int n = instance.changeCount();
            if (n == 0 || n == instance.sampleCount()) continue; // the subsets drawn as lists; "all" has a label per sample
            List<String> after = d.afterDeletion().stream().map(g -> InstanceCodec.write(g.instance())).toList();
            for (int i : instance.changes().keySet()) {
                TreeMap<Integer, Rational> fewer = new TreeMap<>(instance.changes());
                fewer.remove(i);
                Instance expected = new Instance("", instance.dimension(), instance.samples(), instance.pretrained(), fewer, instance.depth());
                assertThat(after).as("seed %d, change at sample %d", seed, i).contains(InstanceCodec.write(expected));
                checked++;
            }
        }
        assertThat(checked).as("changes checked").isGreaterThan(100);
    }
}
