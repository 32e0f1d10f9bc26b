package org.ftc.prop;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Shrinks a failing example by editing its choice sequence, Hypothesis style. A candidate
 * sequence is replayed through the generator; it is kept when the example still fails (in the
 * same way) and its recorded sequence is smaller in shortlex order. The passes are named units
 * with counters ({@link PassStats}); the primary ones run each round in order of their gain per
 * call so far: delete spans and chunks (when one deletion works, as many more as still work, found
 * with {@link Core#findInteger} in O(log n) calls), zero spans, lower single choices (0, then
 * binary search), sort sibling spans and short windows. When those are stuck: move value between
 * pairs of choices (sums), decrement one choice and max out the next (bit-length encodings),
 * lower pairs together (equalities), replace a span by a child or grandchild span (recursive
 * structures), decrement a choice while deleting a later span or chunk, or two equal-length
 * sibling spans (lengths other choices depend on). Shrinking stops at a fixpoint, at its time
 * budget, or after {@link Core#STALL_LIMIT} calls in a row without progress.
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
        Core<T> core = core(gen, failingChoices, stillFails, budget);
        Attempt<T> best = core.run();
        return new ShrinkResult<>(best.payload, best.choices, core.steps, core.exhausted);
    }

    /** The shrinker's state for a failing choice sequence, before any pass has run (tests run single passes on it). */
    static <T> Core<T> core(Gen<T> gen, long[] failingChoices, Predicate<? super T> stillFails, Duration budget) {
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
            return new Attempt<>(rec.choices(), rec.maxes(), rec.spans(), value, fails);
        };
        Attempt<T> initial = oracle.run(failingChoices.clone());
        if (initial == null || !initial.interesting) throw new IllegalArgumentException("the given choice sequence does not fail");
        return new Core<>(oracle, initial, budget, null, "");
    }

    /**
     * A completed replay: its recorded choices with the maximum of each, spans and payload, and
     * whether it is interesting (fails the same way as the example being shrunk).
     */
    static final class Attempt<P> {
        final long[] choices;
        final long[] maxes;
        final int[] spans;
        final P payload;
        final boolean interesting;

        Attempt(long[] choices, long[] maxes, int[] spans, P payload, boolean interesting) {
            this.choices = choices;
            this.maxes = maxes;
            this.spans = spans;
            this.payload = payload;
            this.interesting = interesting;
        }
    }

    /** Replays a candidate; null when the generator could not complete it (an overrun, a generator error). */
    @FunctionalInterface
    interface Oracle<P> {
        Attempt<P> run(long[] candidate);
    }

    static final class Core<P> {
        /** Choices at the start that "lower head" lowers first: usually sizes and switches that the rest depends on. */
        static final int HEAD = 3;
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
        /** Calls in a row without a smaller failing example after which shrinking stops. */
        static final long STALL_LIMIT = 50_000;

        private final Oracle<P> oracle;
        private final long startNanos;
        private final long deadline;
        private final PrintStream progress;
        private final String name;
        private final Set<Key> seen = new HashSet<>();
        private long seenChoices;
        /** Every completed replay: a candidate that would repeat one is not run (it cannot be a new best). */
        private final ReplayTree replayed = new ReplayTree();
        /** Candidates not run because they would repeat a replay already run. */
        long known;
        /** Candidates run that the generator could not complete or the property discarded. */
        long invalid;
        private Attempt<P> best;
        private long lastPrint;
        int steps;
        long calls;
        boolean exhausted;
        /** True when {@link #stallLimit} calls in a row found nothing smaller: shrinking stopped there. */
        boolean stalled;
        private long callsAtLastStep;
        private final long stallLimit;

        Core(Oracle<P> oracle, Attempt<P> initial, Duration budget, PrintStream progress, String name) {
            this.oracle = oracle;
            this.best = initial;
            this.startNanos = System.nanoTime();
            long b = budget.toNanos();
            this.deadline = startNanos + (b <= 0 ? 0 : b);
            this.progress = progress;
            this.name = name;
            this.lastPrint = startNanos;
            this.stallLimit = STALL_LIMIT;
            replayed.add(initial.choices, initial.maxes);
        }

        /** Records a replay run before shrinking (a passing random try) so that no pass runs it again. */
        void remember(long[] choices, long[] maxes) {
            replayed.add(choices, maxes);
        }

        /** The passes tried first, each round in order of their gain per call so far. */
        private final List<Pass> primary = List.of(new Pass("lower head", this::lowerHead),
                new Pass("delete spans", this::deleteSpans), new Pass("lower choices", this::lowerChoices),
                new Pass("sort spans", this::sortSpans), new Pass("zero spans", this::zeroSpans),
                new Pass("delete chunks", this::deleteChunks), new Pass("sort windows", this::sortWindows));
        /** The passes tried, in this order, only when a whole round of the primary ones changed nothing. */
        private final List<Pass> fallback = List.of(new Pass("pairs", this::pairs),
                new Pass("pass to descendant", this::passToDescendant), new Pass("lower and delete", this::lowerAndDelete));
        private Pass current;

        Attempt<P> run() {
            while (!timeUp()) {
                long[] before = best.choices;
                List<Pass> order = new ArrayList<>(primary);
                order.sort(Comparator.comparingDouble(Pass::gainPerCall).reversed()); // stable: ties keep the listed order
                for (Pass p : order) runPass(p);
                if (best.choices != before) continue;
                for (Pass p : fallback) {
                    runPass(p);
                    if (best.choices != before) break;
                }
                if (best.choices == before) break;
            }
            current = null;
            return best;
        }

        /** Runs one pass by name (for tests of single passes); true if it made progress. */
        boolean runPass(String name) {
            long[] before = best.choices;
            for (Pass p : primary) if (p.name.equals(name)) runPass(p);
            for (Pass p : fallback) if (p.name.equals(name)) runPass(p);
            return best.choices != before;
        }

        private void runPass(Pass p) {
            if (timeUp()) return;
            current = p;
            p.body.run();
            current = null;
        }

        Attempt<P> best() {
            return best;
        }

        /** Every pass's counters, in the listed order. */
        List<PassStats> passStats() {
            List<PassStats> out = new ArrayList<>();
            for (Pass p : primary) out.add(p.stats());
            for (Pass p : fallback) out.add(p.stats());
            return out;
        }

        /** The passes that helped, most helpful first: {@code delete spans 4/9 (-31 choices), lower choices 2/40}. */
        String helped() {
            List<PassStats> list = new ArrayList<>(passStats());
            list.removeIf(x -> x.successes() == 0);
            list.sort(Comparator.comparingLong(PassStats::removed).thenComparingInt(PassStats::successes).reversed());
            StringBuilder sb = new StringBuilder();
            for (PassStats x : list) {
                if (sb.length() > 0) sb.append(", ");
                sb.append(x);
            }
            return sb.length() == 0 ? "none" : sb.toString();
        }

        private boolean timeUp() {
            if (stalled) return true;
            if (!exhausted && System.nanoTime() - deadline > 0) exhausted = true;
            if (!exhausted && calls - callsAtLastStep >= stallLimit) stalled = true;
            return exhausted || stalled;
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
            // A repeat of a replay already run: it was rejected then, or kept and no smaller than
            // the best now, since the best only gets smaller.
            if (replayed.known(candidate)) {
                known++;
                return false;
            }
            calls++;
            if (current != null) current.calls++;
            Attempt<P> a = oracle.run(candidate);
            if (a == null) {
                invalid++;
                return false;
            }
            replayed.add(a.choices, a.maxes);
            if (!a.interesting || !Shortlex.less(a.choices, best.choices)) return false;
            if (current != null) {
                current.successes++;
                current.removed += best.choices.length - a.choices.length;
            }
            best = a;
            steps++;
            callsAtLastStep = calls;
            report();
            return true;
        }

        private void report() {
            if (progress == null) return;
            long now = System.nanoTime();
            if (now - lastPrint < PROGRESS_NANOS) return;
            lastPrint = now;
            progress.printf("[ftc] shrinking %s: %d steps, %d candidates, %d choices, %.1f s; helped: %s%n", name, steps, calls,
                    best.choices.length, (now - startNanos) / 1e9, helped());
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

        /**
         * Deletes each span, last first; when deleting one works, deletes as many of the sibling
         * spans before it as still works, found with {@link #findInteger} in O(log n) calls.
         */
        private void deleteSpans() {
            for (int i = spanCount() - 1; i >= 0 && !timeUp(); i--) {
                if (i >= spanCount()) continue;
                int[] sp = best.spans;
                long[] base = best.choices;
                int end = sp[3 * i + 1];
                if (end > base.length) continue;
                // starts[n - 1]: where the run of n sibling spans ending with span i starts
                int[] starts = siblingStartsBefore(sp, i);
                if (!consider(remove(base, starts[0], end))) continue;
                findInteger(n -> n <= starts.length && consider(remove(base, starts[n - 1], end)));
                i = Math.min(i, spanCount());
            }
        }

        /** Start offsets of the runs of 1, 2, 3, ... adjacent sibling spans that end with span {@code i}. */
        private static int[] siblingStartsBefore(int[] sp, int i) {
            int depth = sp[3 * i + 2];
            int[] starts = new int[8];
            int n = 0;
            starts[n++] = sp[3 * i];
            int at = sp[3 * i];
            for (int j = i - 1; j >= 0; j--) {
                if (sp[3 * j + 2] != depth) continue;
                if (sp[3 * j + 1] != at) break;
                if (n == starts.length) starts = Arrays.copyOf(starts, 2 * n);
                starts[n++] = sp[3 * j];
                at = sp[3 * j];
            }
            return Arrays.copyOf(starts, n);
        }

        /**
         * Deletes chunks of 8, 4, 2, 1 choices, last first; when deleting one works, deletes as many
         * further chunks before it as still works ({@link #findInteger}).
         */
        private void deleteChunks() {
            for (int k : new int[] {8, 4, 2, 1}) {
                int i = best.choices.length - k;
                while (i >= 0 && !timeUp()) {
                    long[] base = best.choices;
                    int end = i + k;
                    if (end <= base.length && consider(remove(base, i, end))) {
                        findInteger(n -> end - n * k >= 0 && consider(remove(base, end - n * k, end)));
                        i = Math.min(i, best.choices.length - k);
                        continue;
                    }
                    i--;
                }
            }
        }

        /**
         * Hypothesis's {@code find_integer}: for {@code f(1)} true, finds an {@code n >= 1} with
         * {@code f(n)} true and {@code f(n + 1)} false, trying 2, 3, 4, then doubling, then a binary
         * search: {@code O(log n)} calls of {@code f}. {@code f} must be false out of range.
         */
        static int findInteger(java.util.function.IntPredicate f) {
            return (int) extendFrom1(n -> n <= Integer.MAX_VALUE && f.test((int) n));
        }

        /**
         * {@link #findInteger} over longs, testing 1 first: 0 when {@code f(1)} is false (one
         * call), else the {@code n >= 1} found the same way.
         */
        static long findLong(java.util.function.LongPredicate f) {
            return f.test(1) ? extendFrom1(f) : 0;
        }

        /** The search of {@link #findInteger}, for {@code f(1)} known to be true. */
        private static long extendFrom1(java.util.function.LongPredicate f) {
            long lo = 1;
            for (long n = 2; n <= 4; n++) {
                if (!f.test(n)) return lo;
                lo = n;
            }
            long hi = 8;
            while (f.test(hi)) {
                lo = hi;
                if (hi > Long.MAX_VALUE / 2) return lo;
                hi *= 2;
            }
            while (lo + 1 < hi) {
                long mid = lo + (hi - lo) / 2;
                if (f.test(mid)) lo = mid;
                else hi = mid;
            }
            return lo;
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
            lowerChoices(Integer.MAX_VALUE);
        }

        private void lowerHead() {
            lowerChoices(HEAD);
        }

        private void lowerChoices(int limit) {
            for (int i = 0; i < Math.min(limit, best.choices.length) && !timeUp(); i++) {
                long v = best.choices[i];
                if (v == 0 || replace(i, 0)) continue;
                if (v == 1) continue;
                // the simplest values first: minima are usually small
                if (v > 2 && replace(i, 1)) continue;
                // v - 1 may be invalid (an assumption, a filter) where smaller values fail: once some
                // candidate was invalid, try v / 2 and v - 2 too
                if (!(replace(i, v - 1) || (v > 2 && invalid > 0 && (replace(i, v / 2) || replace(i, v - 2))))) continue;
                long lo = v > 2 ? 1 : 0;
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

        /** A copy of {@code base} with {@code di} added at {@code i} and {@code dj} at {@code j}. */
        private static long[] moved(long[] base, int i, long di, int j, long dj) {
            long[] c = base.clone();
            c[i] += di;
            c[j] += dj;
            return c;
        }

        private void pairs() {
            for (int i = 0; i < best.choices.length && !timeUp(); i++) {
                for (int j = i + 1; j < Math.min(best.choices.length, i + 1 + PAIR_WINDOW) && !timeUp(); j++) {
                    if (best.choices[i] == 0) break;
                    // move value from i to j: the sequence gets lexicographically smaller; no more
                    // than j's room below its maximum (a larger amount would be clamped there).
                    // The amount is found from 1 up (find_integer): one call when nothing moves.
                    long[] base = best.choices;
                    int fi = i, fj = j;
                    long cap = Math.min(base[i], best.maxes[j] - base[j]);
                    findLong(d -> d <= cap && consider(moved(base, fi, -d, fj, d)));
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
                    // lower both together, the amount again from 1 up
                    long[] base2 = best.choices;
                    long cap2 = Math.min(base2[i], base2[j]);
                    findLong(d -> d <= cap2 && consider(moved(base2, fi, -d, fj, -d)));
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

    /** A named shrink pass with its counters. */
    static final class Pass {
        final String name;
        final Runnable body;
        int calls;
        int successes;
        long removed;

        Pass(String name, Runnable body) {
            this.name = name;
            this.body = body;
        }

        /** Expected gain per call: (choices removed + steps + 1) / (calls + 1), so untried passes come first. */
        double gainPerCall() {
            return (removed + successes + 1.0) / (calls + 1.0);
        }

        PassStats stats() {
            return new PassStats(name, calls, successes, removed);
        }
    }

    /** Counters of one shrink pass: candidates tried, candidates kept, choices removed by them. */
    public record PassStats(String name, int calls, int successes, long removed) {
        @Override
        public String toString() {
            return name + " " + successes + "/" + calls + (removed > 0 ? " (-" + removed + " choices)" : "");
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
