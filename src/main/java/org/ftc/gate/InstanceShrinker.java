package org.ftc.gate;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ftc.arith.Rational;
import org.ftc.instance.Instance;
import org.ftc.io.InstanceCodec;

/**
 * Shrinks a failing instance by editing the instance itself, for generated and file instances
 * alike. Each pass proposes smaller instances ({@link InstanceEdits}); a candidate is kept when the
 * implementation still fails on it with the same verdict kind. Passes, in order of expected gain
 * per try, repeated until a whole round changes nothing or the time is up:
 * {@code f = 0} (the labels kept, else the residuals kept as the new labels); delete samples (halves, quarters, ... single samples, ddmin style); drop changes
 * (the same way); lower the dimension (project on the construction's direction or on one
 * coordinate, making {@code d = 1}, else drop one coordinate); simpler {@code f} (a constant, one
 * hidden unit fewer); simpler numbers (small integers first, then small denominators); samples in
 * sorted order.
 *
 * <p>Candidates are judged in batches of {@code width} at once (the gate's workers), speculatively:
 * of a batch the first candidate in the pass's order of preference that still fails is kept, the
 * others are discarded. Every distinct candidate is judged once.
 */
final class InstanceShrinker {
    private static final long PROGRESS_NANOS = 2_000_000_000L;

    /**
     * Judges candidates, all at once where it can; an entry is null when the time ran out before it
     * was judged. An exception is an error of the gate itself, not a verdict: it ends the shrink.
     */
    @FunctionalInterface
    interface Judging {
        List<Gate.Judged> judge(List<Instance> candidates, long deadlineNanos);
    }

    /** One pass's counters: tries judged for it, candidates it got kept. */
    record PassStats(String name, int calls, int successes) {
    }

    /** The smallest failing instance found, its answer's verdict, and how it was found. */
    record Result(Instance instance, Gate.Judged judged, int tries, int steps, long millis, boolean budgetExhausted, List<PassStats> passes) {
        /** The passes that helped, e.g. {@code delete samples 3, f = 0 1}. */
        String helped() {
            StringBuilder s = new StringBuilder();
            for (PassStats p : passes) {
                if (p.successes() == 0) continue;
                if (s.length() > 0) s.append(", ");
                s.append(p.name()).append(' ').append(p.successes()).append('/').append(p.calls());
            }
            return s.length() == 0 ? "none" : s.toString();
        }
    }

    private final Judging judging;
    private final int width;
    private final long deadline;
    private final Verdict.Kind kind;
    private final PrintStream progress;
    private final String name;
    private final Map<String, Gate.Judged> memo = new HashMap<>();
    private final Map<String, int[]> stats = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();
    private long lastPrint = startNanos;
    private Instance best;
    private String bestKey;
    private Gate.Judged bestJudged;
    private int tries;
    private int steps;
    private boolean exhausted;

    private InstanceShrinker(Instance start, Gate.Judged judged, Judging judging, int width, long deadlineNanos, PrintStream progress,
            String name) {
        this.best = start;
        this.bestJudged = judged;
        this.kind = judged.verdict().kind();
        this.judging = judging;
        this.width = Math.max(1, width);
        this.deadline = deadlineNanos;
        this.progress = progress;
        this.name = name;
    }

    /**
     * Shrinks {@code start}, on which the implementation gave {@code judged} (a failing verdict),
     * until {@code deadlineNanos} ({@link System#nanoTime}) at the latest.
     */
    static Result shrink(Instance start, Gate.Judged judged, Judging judging, int width, long deadlineNanos, PrintStream progress,
            String name) {
        if (judged.verdict().passed()) throw new IllegalArgumentException("the instance to shrink does not fail");
        InstanceShrinker s = new InstanceShrinker(start, judged, judging, width, deadlineNanos, progress, name);
        s.run();
        List<PassStats> passes = new ArrayList<>();
        s.stats.forEach((k, v) -> passes.add(new PassStats(k, v[0], v[1])));
        return new Result(s.best, s.bestJudged, s.tries, s.steps, (System.nanoTime() - s.startNanos) / 1_000_000, s.exhausted, passes);
    }

    private void run() {
        bestKey = key(best);
        memo.put(bestKey, bestJudged);
        for (String pass : List.of("f = 0", "delete samples", "drop changes", "lower dimension", "simpler f", "simpler numbers",
                "sort samples")) {
            stats.put(pass, new int[2]);
        }
        Map<String, Instance> lastTried = new HashMap<>();
        boolean changed = true;
        while (changed && !timeUp()) {
            changed = false;
            for (String pass : stats.keySet()) {
                if (timeUp()) break;
                if (lastTried.get(pass) == best) continue; // nothing changed since this pass last found nothing
                boolean helped = runPass(pass);
                lastTried.put(pass, best);
                changed |= helped;
            }
        }
    }

    private boolean runPass(String pass) {
        return switch (pass) {
            case "f = 0" -> listPass(pass, InstanceEdits::withZeroPretrained);
            case "delete samples" -> deleteSamples(pass);
            case "drop changes" -> dropChanges(pass);
            case "lower dimension" -> listPass(pass, InstanceShrinker::lowerDimension);
            case "simpler f" -> listPass(pass, InstanceShrinker::simplerPretrained);
            case "simpler numbers" -> simplerNumbers(pass);
            case "sort samples" -> listPass(pass, i -> {
                Instance s = InstanceEdits.sorted(i);
                return s == null ? List.of() : List.of(s);
            });
            default -> throw new IllegalStateException(pass);
        };
    }

    private static List<Instance> lowerDimension(Instance inst) {
        int d = inst.dimension();
        List<Instance> out = new ArrayList<>();
        if (d == 1) return out;
        Instance direction = InstanceEdits.projectOnDirection(inst);
        if (direction != null) out.add(direction);
        for (int j = 0; j < d; j++) out.add(InstanceEdits.keepCoordinates(inst, new int[] {j}));
        if (d > 2) {
            for (int drop = 0; drop < d; drop++) {
                int[] keep = new int[d - 1];
                for (int j = 0, k = 0; j < d; j++) if (j != drop) keep[k++] = j;
                out.add(InstanceEdits.keepCoordinates(inst, keep));
            }
        }
        return out;
    }

    private static List<Instance> simplerPretrained(Instance inst) {
        List<Instance> out = new ArrayList<>();
        var f = inst.pretrained();
        if (InstanceEdits.isZero(f)) return out;
        boolean constant = f.depth() == 2 && f.neurons() == 0;
        if (!constant) {
            out.add(InstanceEdits.withPretrained(inst, InstanceEdits.constant(inst.dimension(), Rational.ONE)));
            out.add(InstanceEdits.withPretrained(inst, InstanceEdits.constant(inst.dimension(), Rational.MINUS_ONE)));
        }
        for (int l = 0; l + 1 < f.depth(); l++) {
            for (int u = 0; u < f.layer(l).width(); u++) out.add(InstanceEdits.withPretrained(inst, InstanceEdits.withoutUnit(f, l, u)));
        }
        return out;
    }

    /** Keeps the first failing candidate (in the given order) each time, until none fails. */
    private boolean listPass(String pass, Function<Instance, List<Instance>> candidates) {
        boolean helped = false;
        while (!timeUp()) {
            int i = firstFailing(pass, candidates.apply(best));
            if (i < 0) break;
            helped = true;
        }
        return helped;
    }

    /** ddmin over samples: blocks of K/2, K/4, ..., 1; a batch holds consecutive blocks. */
    private boolean deleteSamples(String pass) {
        boolean helped = false;
        for (int block = Math.max(1, best.sampleCount() / 2); block >= 1 && !timeUp(); block /= 2) {
            int from = 0;
            while (from < best.sampleCount() && best.sampleCount() > 1 && !timeUp()) {
                List<Instance> batch = new ArrayList<>();
                List<Integer> starts = new ArrayList<>();
                for (int f = from; f < best.sampleCount() && batch.size() < width; f += block) {
                    Instance c = InstanceEdits.withoutSamples(best, f, Math.min(block, best.sampleCount() - f));
                    if (c == null) continue;
                    batch.add(c);
                    starts.add(f);
                }
                if (batch.isEmpty()) break;
                int i = firstFailing(pass, batch);
                if (i >= 0) {
                    helped = true;
                    from = starts.get(i); // the next block has moved into this place
                } else {
                    from = starts.get(starts.size() - 1) + block;
                }
            }
        }
        return helped;
    }

    /** ddmin over the changes, as for samples. */
    private boolean dropChanges(String pass) {
        boolean helped = false;
        for (int block = Math.max(1, best.changeCount() / 2); block >= 1 && !timeUp(); block /= 2) {
            int from = 0;
            while (from < best.changeCount() && !timeUp()) {
                List<Integer> keys = new ArrayList<>(best.changes().keySet());
                List<Instance> batch = new ArrayList<>();
                List<Integer> starts = new ArrayList<>();
                for (int f = from; f < keys.size() && batch.size() < width; f += block) {
                    Instance c = InstanceEdits.withoutChanges(best, keys.subList(f, Math.min(keys.size(), f + block)));
                    if (c == null) continue;
                    batch.add(c);
                    starts.add(f);
                }
                if (batch.isEmpty()) break;
                int i = firstFailing(pass, batch);
                if (i >= 0) {
                    helped = true;
                    from = starts.get(i);
                } else {
                    from = starts.get(starts.size() - 1) + block;
                }
            }
        }
        return helped;
    }

    /** First all numbers rounded toward 0 at once, then number by number: the simplest candidate that still fails. */
    private boolean simplerNumbers(String pass) {
        boolean helped = false;
        Instance rounded = InstanceEdits.mapAll(best, v -> Rational.of(v.signum() >= 0 ? v.floor() : v.ceil()));
        if (rounded != null && firstFailing(pass, List.of(rounded)) >= 0) helped = true;
        for (int index = 0; index < InstanceEdits.numberCount(best) && !timeUp(); index++) {
            Rational v = InstanceEdits.number(best, index);
            List<Rational> simpler = SimplerRationals.candidates(v);
            for (int from = 0; from < simpler.size() && !timeUp(); from += width) {
                List<Instance> batch = new ArrayList<>();
                for (Rational q : simpler.subList(from, Math.min(simpler.size(), from + width))) batch.add(InstanceEdits.withNumber(best, index, q));
                if (firstFailing(pass, batch) >= 0) {
                    helped = true;
                    break;
                }
            }
        }
        return helped;
    }

    /**
     * Judges the candidates (those not judged before, {@code width} at a time) and keeps the first
     * one, in the given order, that fails with the same verdict kind; its index, or -1.
     */
    private int firstFailing(String pass, List<Instance> candidates) {
        int[] counter = stats.get(pass);
        for (int from = 0; from < candidates.size(); from += width) {
            if (timeUp()) return -1;
            List<Instance> batch = candidates.subList(from, Math.min(candidates.size(), from + width));
            List<String> keys = new ArrayList<>();
            List<Instance> fresh = new ArrayList<>();
            for (Instance c : batch) {
                String k = key(c);
                keys.add(k);
                if (!memo.containsKey(k) && !fresh.contains(c)) fresh.add(c);
            }
            if (!fresh.isEmpty()) {
                List<Gate.Judged> verdicts = judging.judge(fresh, deadline);
                for (int i = 0; i < fresh.size(); i++) {
                    Gate.Judged j = verdicts.get(i);
                    if (j == null) {
                        exhausted = true;
                        continue;
                    }
                    tries++;
                    counter[0]++;
                    memo.put(key(fresh.get(i)), j);
                }
            }
            for (int i = 0; i < batch.size(); i++) {
                Gate.Judged j = memo.get(keys.get(i));
                if (j != null && j.verdict().kind() == kind && !keys.get(i).equals(bestKey)) {
                    best = batch.get(i);
                    bestKey = keys.get(i);
                    bestJudged = j;
                    steps++;
                    counter[1]++;
                    report();
                    return from + i;
                }
            }
        }
        return -1;
    }

    private static String key(Instance inst) {
        return InstanceCodec.writeCompact(inst.withId(""));
    }

    private boolean timeUp() {
        if (!exhausted && System.nanoTime() - deadline >= 0) exhausted = true;
        return exhausted;
    }

    private void report() {
        if (progress == null) return;
        long now = System.nanoTime();
        if (now - lastPrint < PROGRESS_NANOS) return;
        lastPrint = now;
        progress.printf("[gate] shrinking %s: K = %d, N = %d, d = %d after %d tries, %.1f s%n", name, best.sampleCount(),
                best.changeCount(), best.dimension(), tries, (now - startNanos) / 1e9);
    }
}
