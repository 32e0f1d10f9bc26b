package org.ftc.prop;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the shortlex-minimal failing choice sequence by enumeration, independently of the
 * shrinker: sequences are visited in shortlex order (length, then lexicographic, values up to
 * {@code maxValue}); the first one that is canonical (replay consumes exactly it) and fails is
 * the global minimum, provided the minimum has length {@code <= maxLength} and no choice above
 * {@code maxValue}.
 */
final class BruteForce {
    private BruteForce() {
    }

    static <T> Optional<T> minimal(Gen<T> gen, Predicate<T> fails, int maxLength, int maxValue) {
        for (int len = 0; len <= maxLength; len++) {
            long[] c = new long[len];
            while (true) {
                Replay.Recorded<T> r;
                try {
                    r = Replay.record(gen, c);
                } catch (RuntimeException e) {
                    r = null;
                }
                if (r != null && Arrays.equals(r.choices(), c) && fails.test(r.value())) return Optional.of(r.value());
                int i = len - 1;
                while (i >= 0 && c[i] == maxValue) c[i--] = 0;
                if (i < 0) break;
                c[i]++;
            }
        }
        return Optional.empty();
    }
}
