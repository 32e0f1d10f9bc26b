package org.ftc.prop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ftc.prop.Gens.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Single shrink passes from a fixed start, with the exact result and the exact number of calls
 * derived by hand (in the comments) from the encodings in docs/property-engine.md.
 */
class ShrinkerPassesTest {
    @Test
    void findIntegerProbesLinearlyThenDoublesThenBisects() {
        List<Integer> probes = new ArrayList<>();
        int n = Shrinker.Core.findInteger(k -> {
            probes.add(k);
            return k <= 37;
        });
        // 2, 3, 4 true; 8, 16, 32 true, 64 false; bisect (32, 64): 48 f, 40 f, 36 t, 38 f, 37 t
        assertThat(n).isEqualTo(37);
        assertThat(probes).containsExactly(2, 3, 4, 8, 16, 32, 64, 48, 40, 36, 38, 37);
        assertThat(Shrinker.Core.findInteger(k -> k <= 1)).isEqualTo(1);
    }

    @Test
    void adaptiveSpanDeletionDeletesALongListInLogarithmicallyManyCalls() {
        // lists(ints(0, 9)): each element is a span [more = 1, value], the end a span [0].
        // Start: 99 zeros then a 7; the property fails while the list holds a 7.
        long[] start = new long[201];
        for (int i = 0; i < 99; i++) start[2 * i] = 1;
        start[198] = 1;
        start[199] = 7;
        Shrinker.Core<List<Integer>> core = Shrinker.core(lists(ints(0, 9), 0, 200), start, l -> l.contains(7),
                Duration.ofSeconds(30));
        assertThat(core.runPass("delete spans")).isTrue();
        assertThat(core.best().choices).containsExactly(1, 7, 0);
        assertThat(core.best().payload).containsExactly(7);
        // last first: the end span (no call: deleting the final 0 replays the start itself, which
        // the replay tree knows), the 7 (1 call, fails), element 98 (1, works), then find_integer over
        // the 99 siblings ending there: 2, 3, 4, 8, 16, 32, 64, 96, 98, 99 (128, 112, 104, 100 are out
        // of range, no call); then in [1, 7, 0] the end span (known, no call) and the 7 (1): 13 calls,
        // 11 of them kept, where one deletion per element would take over 100.
        assertThat(core.calls).isEqualTo(13);
        assertThat(core.known).isEqualTo(2);
        assertThat(core.passStats()).contains(new Shrinker.PassStats("delete spans", 13, 11, 198));
    }

    @Test
    void lowerChoicesBinarySearchesTheSmallestFailingValue() {
        Shrinker.Core<Integer> core = Shrinker.core(ints(0, 1000), new long[] {900}, x -> x >= 573, Duration.ofSeconds(30));
        assertThat(core.runPass("lower choices")).isTrue();
        assertThat(core.best().choices).containsExactly(573);
        // 0 f, 1 f (the simplest values first), 899 t, then bisect (1, 899): 450 f, 674 t, 562 f,
        // 618 t, 590 t, 576 t, 569 f, 572 f, 574 t, 573 t: 13 calls
        assertThat(core.calls).isEqualTo(13);
    }

    @Test
    void theReportNamesThePassesThatHelped() {
        long[] start = new long[21];
        for (int i = 0; i < 10; i++) {
            start[2 * i] = 1;
            start[2 * i + 1] = i == 9 ? 7 : 3;
        }
        Shrinker.Core<List<Integer>> core = Shrinker.core(lists(ints(0, 9), 0, 200), start, l -> l.contains(7),
                Duration.ofSeconds(30));
        core.run();
        assertThat(core.best().choices).containsExactly(1, 7, 0);
        assertThat(core.helped()).startsWith("delete spans");
    }
}
