package org.ftc.prop;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Shrinks a failing example by editing its choice sequence, Hypothesis style. A candidate
 * sequence is replayed through the generator; it is kept when the example still fails (in the
 * same way) and its recorded sequence is smaller in shortlex order. Passes, repeated until none
 * makes progress or the budget is spent: delete spans, delete chunks of 8, 4, 2, 1 choices, zero
 * spans, lower single choices (0, then binary search), sort sibling spans and short windows; when
 * those are stuck, move value between pairs of choices (helps sums), decrement one choice and max
 * out the next (helps bit-length encodings), lower pairs together (helps equalities), replace a
 * span by a child or grandchild span (helps recursive structures), and
 * decrement a choice while deleting one later span or chunk, or two equal-length sibling spans
 * (helps lengths that other choices depend on).
 */
public final class Shrinker {
    private Shrinker() {
    }

    /**
     * Shrinks {@code failingChoices} for a predicate outside any property run (the gate uses it
     * with an external program's verdict). {@code stillFails} returning true means "still the
     * failure we are shrinking"; an exception thrown by it counts as not failing.
     *
     * @throws IllegalArgumentException if {@code failingChoices} does not fail
     */
    public static <T> ShrinkResult<T> shrink(Gen<T> gen, long[] failingChoices, Predicate<? super T> stillFails,
            Duration budget) {
        Oracle<T> oracle = candidate -> {
            ChoiceRecorder rec = new ChoiceRecorder(candidate, null);
            T value;
            try {
                value = gen.generate(rec);
            } catch (RuntimeException | StackOverflowError e) {
                return null;
            }
            boolean fails;
            try {
                fails = stillFails.test(value);
            } catch (RuntimeException | AssertionError e) {
                fails = false;
            }
            return fails ? new Attempt<>(rec.choices(), rec.spans(), value) : null;
        };
        Attempt<T> initial = oracle.run(failingChoices.clone());
        if (initial == null) throw new IllegalArgumentException("the given choice sequence does not fail");
        Core<T> core = new Core<>(oracle, initial, budget, null, "");
        Attempt<T> best = core.run();
        return new ShrinkResult<>(best.payload, best.choices, core.steps, core.exhausted);
    }

    /** A failing (interesting) replay: its recorded choices, spans and payload. */
    static final class Attempt<P> {
        final long[] choices;
        final int[] spans;
        final P payload;

        Attempt(long[] choices, int[] spans, P payload) {
            this.choices = choices;
            this.spans = spans;
            this.payload = payload;
        }
    }

    /** Replays a candidate; returns the attempt when it still fails the same way, else null. */
    @FunctionalInterface
    interface Oracle<P> {
        Attempt<P> run(long[] candidate);
    }

    static final class Core<P> {
        private static final int CACHE_LIMIT = 200_000;
        /**
         * The cache also stops at this many recorded choices in all (128 MB): candidates of
         * generators that pad (thousands of choices each) would otherwise fill the heap long
         * before {@link #CACHE_LIMIT} entries.
         */
        private static final long CACHE_CHOICE_LIMIT = 16_000_000L;
        private static final int PAIR_WINDOW = 16;
        private static final int LOWER_DELETE_WINDOW = 32;
        private static final long PROGRESS_NANOS = 2_000_000_000L;

        private final Oracle<P> oracle;
        private final long startNanos;
        private final long deadline;
        private final PrintStream progress;
        private final String name;
        private final Set<Key> seen = new HashSet<>();
        private long seenChoices;
        private Attempt<P> best;
        private long lastPrint;
        int steps;
        long calls;
        boolean exhausted;

        Core(Oracle<P> oracle, Attempt<P> initial, Duration budget, PrintStream progress, String name) {
            this.oracle = oracle;
            this.best = initial;
            this.startNanos = System.nanoTime();
            long b = budget.toNanos();
            this.deadline = startNanos + (b <= 0 ? 0 : b);
            this.progress = progress;
            this.name = name;
            this.lastPrint = startNanos;
        }

        Attempt<P> run() {
            while (!timeUp()) {
                long[] before = best.choices;
                deleteSpans();
                deleteChunks();
                zeroSpans();
                lowerChoices();
                sortSpans();
                sortWindows();
                if (best.choices != before) continue;
                pairs();
                if (best.choices != before) continue;
                passToDescendant();
                if (best.choices != before) continue;
                lowerAndDelete();
                if (best.choices == before) break;
            }
            return best;
        }

        private boolean timeUp() {
            if (!exhausted && System.nanoTime() - deadline > 0) exhausted = true;
            return exhausted;
        }

        /** Tries a candidate; true if it became the new best. */
        private boolean consider(long[] candidate) {
            if (timeUp()) return false;
            if (!Shortlex.less(candidate, best.choices)) return false;
            if (seen.size() >= CACHE_LIMIT || seenChoices >= CACHE_CHOICE_LIMIT) {
                seen.clear();
                seenChoices = 0;
            }
            if (!seen.add(new Key(candidate))) return false;
            seenChoices += candidate.length;
            calls++;
            Attempt<P> a = oracle.run(candidate);
            if (a == null || !Shortlex.less(a.choices, best.choices)) return false;
            best = a;
            steps++;
            report();
            return true;
        }

        private void report() {
            if (progress == null) return;
            long now = System.nanoTime();
            if (now - lastPrint < PROGRESS_NANOS) return;
            lastPrint = now;
            progress.printf("[ftc] shrinking %s: %d steps, %d candidates, %d choices, %.1f s%n", name, steps, calls,
                    best.choices.length, (now - startNanos) / 1e9);
        }

        private int spanCount() {
            return best.spans.length / 3;
        }

        private static long[] remove(long[] a, int from, int to) {
            long[] out = new long[a.length - (to - from)];
            System.arraycopy(a, 0, out, 0, from);
            System.arraycopy(a, to, out, from, a.length - to);
            return out;
        }

        private void deleteSpans() {
            for (int i = spanCount() - 1; i >= 0 && !timeUp(); i--) {
                if (i >= spanCount()) continue;
                int start = best.spans[3 * i], end = best.spans[3 * i + 1];
                if (end > best.choices.length) continue;
                consider(remove(best.choices, start, end));
            }
        }

        private void deleteChunks() {
            for (int k : new int[] {8, 4, 2, 1}) {
                int i = best.choices.length - k;
                while (i >= 0 && !timeUp()) {
                    if (i + k <= best.choices.length && consider(remove(best.choices, i, i + k))) {
                        i = Math.min(i, best.choices.length - k);
                        continue;
                    }
                    i--;
                }
            }
        }

        private void zeroSpans() {
            for (int i = spanCount() - 1; i >= 0 && !timeUp(); i--) {
                if (i >= spanCount()) continue;
                int start = best.spans[3 * i], end = Math.min(best.spans[3 * i + 1], best.choices.length);
                boolean zero = true;
                for (int j = start; j < end; j++) zero &= best.choices[j] == 0;
                if (zero) continue;
                long[] c = best.choices.clone();
                Arrays.fill(c, start, end, 0);
                consider(c);
            }
        }

        private boolean replace(int i, long v) {
            long[] c = best.choices.clone();
            c[i] = v;
            return consider(c);
        }

        private void lowerChoices() {
            for (int i = 0; i < best.choices.length && !timeUp(); i++) {
                long v = best.choices[i];
                if (v == 0 || replace(i, 0)) continue;
                if (v == 1 || !replace(i, v - 1)) continue;
                long lo = 0;
                while (i < best.choices.length && lo + 1 < best.choices[i] && !timeUp()) {
                    long hi = best.choices[i];
                    long mid = lo + (hi - lo) / 2;
                    if (!replace(i, mid)) lo = mid;
                }
            }
        }

        /** Sorts runs of adjacent sibling spans (list elements) into shortlex order. */
        private void sortSpans() {
            int n = spanCount();
            for (int i = 0; i < n && !timeUp(); i++) {
                if (i >= spanCount()) return;
                int[] sp = best.spans;
                int depth = sp[3 * i + 2];
                // collect the run of siblings starting at span i
                int[] run = new int[8];
                int len = 0;
                int end = sp[3 * i + 1];
                run[len++] = i;
                for (int j = i + 1; j < spanCount(); j++) {
                    if (sp[3 * j + 2] != depth) continue;
                    if (sp[3 * j] != end) break;
                    if (len == run.length) run = Arrays.copyOf(run, len * 2);
                    run[len++] = j;
                    end = sp[3 * j + 1];
                }
                if (len < 2 || end > best.choices.length) continue;
                long[][] parts = new long[len][];
                for (int k = 0; k < len; k++) {
                    parts[k] = Arrays.copyOfRange(best.choices, sp[3 * run[k]], sp[3 * run[k] + 1]);
                }
                long[][] sorted = parts.clone();
                Arrays.sort(sorted, Shortlex::compare);
                if (!Arrays.equals(sorted, parts)) {
                    long[] c = best.choices.clone();
                    int at = sp[3 * i];
                    for (long[] part : sorted) {
                        System.arraycopy(part, 0, c, at, part.length);
                        at += part.length;
                    }
                    consider(c);
                }
            }
        }

        private void sortWindows() {
            for (int w : new int[] {8, 4, 2}) {
                for (int i = 0; i + w <= best.choices.length && !timeUp(); i++) {
                    boolean sorted = true;
                    for (int j = i + 1; j < i + w; j++) sorted &= best.choices[j - 1] <= best.choices[j];
                    if (sorted) continue;
                    long[] c = best.choices.clone();
                    Arrays.sort(c, i, i + w);
                    consider(c);
                }
            }
        }

        private void pairs() {
            for (int i = 0; i < best.choices.length && !timeUp(); i++) {
                for (int j = i + 1; j < Math.min(best.choices.length, i + 1 + PAIR_WINDOW) && !timeUp(); j++) {
                    if (best.choices[i] == 0) break;
                    // move value from i to j: the sequence gets lexicographically smaller
                    for (long d = best.choices[i]; d > 0 && !timeUp(); d /= 2) {
                        if (best.choices[j] > Long.MAX_VALUE - d) continue;
                        long[] c = best.choices.clone();
                        c[i] -= d;
                        c[j] += d;
                        if (consider(c)) break;
                    }
                    if (i >= best.choices.length || j >= best.choices.length) break;
                    // decrement i and max out j (replay clamps it): a shorter bit length with all
                    // lower bits set, a smaller index with a larger remainder
                    if (j <= i + 2 && best.choices[i] > 0 && best.choices[j] != Long.MAX_VALUE) {
                        long[] c = best.choices.clone();
                        c[i]--;
                        c[j] = Long.MAX_VALUE;
                        consider(c);
                    }
                    if (i >= best.choices.length || j >= best.choices.length || best.choices[i] == 0) break;
                    // lower both together
                    for (long d = Math.min(best.choices[i], best.choices[j]); d > 0 && !timeUp(); d /= 2) {
                        long[] c = best.choices.clone();
                        c[i] -= d;
                        c[j] -= d;
                        if (consider(c)) break;
                    }
                    if (i >= best.choices.length) break;
                }
            }
        }

        /** Replaces a span by one of its children or grandchildren (a subtree by a smaller subtree). */
        private void passToDescendant() {
            for (int i = 0; i < spanCount() && !timeUp(); i++) {
                int[] sp = best.spans;
                int start = sp[3 * i], end = sp[3 * i + 1], depth = sp[3 * i + 2];
                if (end > best.choices.length) continue;
                for (int j = i + 1; j < spanCount() && sp[3 * j] < end; j++) {
                    int d = sp[3 * j + 2] - depth;
                    if (d < 1 || d > 2 || sp[3 * j + 1] > end) continue;
                    long[] c = new long[best.choices.length - (end - start) + (sp[3 * j + 1] - sp[3 * j])];
                    System.arraycopy(best.choices, 0, c, 0, start);
                    System.arraycopy(best.choices, sp[3 * j], c, start, sp[3 * j + 1] - sp[3 * j]);
                    System.arraycopy(best.choices, end, c, start + sp[3 * j + 1] - sp[3 * j], best.choices.length - end);
                    if (consider(c)) break;
                }
            }
        }

        private void lowerAndDelete() {
            for (int i = 0; i < best.choices.length && !timeUp(); i++) {
                if (best.choices[i] == 0) continue;
                boolean done = false;
                for (int j = i + 1; !done && j < Math.min(best.choices.length, i + 1 + LOWER_DELETE_WINDOW); j++) {
                    for (int k = 1; k <= 2 && !done && j + k <= best.choices.length; k++) {
                        done = lowerDeleting(i, j, j + k);
                    }
                }
                for (int s = 0; !done && s < spanCount(); s++) {
                    int start = best.spans[3 * s], end = best.spans[3 * s + 1];
                    if (start > i && start <= i + LOWER_DELETE_WINDOW && end <= best.choices.length) {
                        done = lowerDeleting(i, start, end);
                    }
                }
                // a length shared by several lists: delete one element-like span from two of them
                for (int s = 0; !done && s < spanCount(); s++) {
                    int[] sp = best.spans;
                    int start = sp[3 * s], end = sp[3 * s + 1], depth = sp[3 * s + 2];
                    if (start <= i || start > i + LOWER_DELETE_WINDOW || end > best.choices.length) continue;
                    for (int t = s + 1; !done && t < spanCount(); t++) {
                        int start2 = sp[3 * t], end2 = sp[3 * t + 1];
                        if (start2 < end || sp[3 * t + 2] != depth || end2 - start2 != end - start
                                || end2 > best.choices.length) continue;
                        done = lowerDeleting(i, start, end, start2, end2);
                    }
                }
            }
        }

        private boolean lowerDeleting(int i, int from, int to) {
            if (timeUp()) return true;
            long[] c = remove(best.choices, from, to);
            c[i]--;
            return consider(c);
        }

        private boolean lowerDeleting(int i, int from, int to, int from2, int to2) {
            if (timeUp()) return true;
            long[] c = remove(remove(best.choices, from2, to2), from, to);
            c[i]--;
            return consider(c);
        }
    }

    /** Array identity for the candidate cache. */
    private record Key(long[] a) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(a, k.a);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(a);
        }

        @Override
        public String toString() {
            return Arrays.toString(a);
        }
    }
}
