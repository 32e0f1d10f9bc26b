package org.ftc.prop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ftc.prop.Gens.*;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ShrinkerApiTest {
    private static int sum(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void shrinksOutsideAPropertyRun() {
        Gen<List<Integer>> gen = lists(ints(0, 10_000), 0, 30);
        Replay.Recorded<List<Integer>> failing = null;
        for (long seed = 0; failing == null; seed++) {
            Replay.Recorded<List<Integer>> r = Replay.random(gen, seed);
            if (sum(r.value()) > 1000 && r.value().size() > 2) failing = r;
        }
        ShrinkResult<List<Integer>> s = Shrinker.shrink(gen, failing.choices(), l -> sum(l) > 1000, Duration.ofSeconds(5));
        assertThat(s.value()).isEqualTo(List.of(1001));
        assertThat(s.steps()).isPositive();
        assertThat(Replay.generate(gen, s.choices())).isEqualTo(List.of(1001));
    }

    @Test
    void rejectsAPassingStart() {
        assertThatThrownBy(() -> Shrinker.shrink(ints(0, 10), new long[] {3}, x -> x > 5, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replayReadsZerosPastTheEndAndClamps() {
        Gen<List<Integer>> gen = lists(ints(0, 5), 0, 10);
        assertThat(Replay.generate(gen, new long[] {1, 4, 1, 99})).isEqualTo(List.of(4, 5));
        assertThat(Replay.record(gen, new long[] {1, 4, 1, 99}).choices()).containsExactly(1, 4, 1, 5, 0);
    }

    @Test
    void recursiveStructuresShrinkToTheShallowestFailure() {
        Gen<Object> tree = recursive(inner -> lists(inner, 0, 3).map(l -> (Object) l), constant((Object) "leaf"), 5);
        PropertyResult<Object> r = Property.forAll(tree).quiet().ignoreSystemProperties().noFailureFile().seed(3)
                .run((t, ctx) -> {
                    assertThat(depth(t)).isLessThanOrEqualTo(5);
                    assertThat(depth(t)).isLessThan(3);
                });
        assertThat(r.passed()).isFalse();
        assertThat(r.shrunk()).contains(List.of(List.of(List.of())));
    }

    private static int depth(Object t) {
        if (!(t instanceof List<?> l)) return 0;
        int d = 0;
        for (Object c : l) d = Math.max(d, depth(c));
        return d + 1;
    }
}
