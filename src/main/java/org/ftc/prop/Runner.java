package org.ftc.prop;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Executes one property: stored failure first, then the all-zero example, then random tries. */
final class Runner<T> {
    /** Coverage requirements are checked only on at least this many valid tries. */
    static final int MIN_TRIES_FOR_COVERAGE = 100;

    private static final long[] EMPTY = new long[0];

    private final PropertyBuilder<T> b;
    private final PropertyBody<T> body;
    private final int tries;
    private final long seed;
    private final Duration shrinkBudget;
    private final Path failureFile;
    private final List<String> warnings = new ArrayList<>();
    /** After a shrink: the passes that helped (for the report). */
    private String helped;

    Runner(PropertyBuilder<T> b, PropertyBody<T> body) {
        this.b = b;
        this.body = body;
        boolean sys = b.systemProperties;
        int n = b.tries != null ? b.tries : Settings.DEFAULT_TRIES;
        if (sys) {
            n = Settings.getTries().orElse(n);
            if (Settings.getBoolean("ftc.deep")) n = Math.multiplyExact(n, 10);
        }
        this.tries = n;
        Long s = sys ? Settings.getLong("ftc.seed").orElse(b.seed) : b.seed;
        this.seed = s != null ? s : new SplittableRandom().nextLong();
        Duration shrink = b.shrinkBudget;
        if (shrink == null) {
            long secs = sys ? Settings.getLong("ftc.shrinkSeconds").orElse(Settings.DEFAULT_SHRINK_SECONDS)
                    : Settings.DEFAULT_SHRINK_SECONDS;
            shrink = Duration.ofSeconds(secs);
        }
        this.shrinkBudget = shrink;
        Path dir = b.failureDir;
        if (dir == null) {
            dir = Path.of(sys ? Settings.get("ftc.failures").orElse(Settings.DEFAULT_FAILURE_DIR)
                    : Settings.DEFAULT_FAILURE_DIR);
        }
        this.failureFile = b.storeFailures ? dir.resolve(sanitize(b.name) + ".choices") : null;
    }

    static String sanitize(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** One executed example; {@code failure == null} when the body held. */
    private record Outcome<T>(T value, long[] choices, long[] maxes, int[] spans, Set<String> labels, List<String> notes,
            Throwable failure) {
    }

    private final class Ctx implements Context {
        final Set<String> labels = new LinkedHashSet<>();
        final List<String> notes = new ArrayList<>();

        @Override
        public void label(String label) {
            labels.add(label);
        }

        @Override
        public void classify(boolean condition, String label) {
            if (condition) labels.add(label);
        }

        @Override
        public void note(String text) {
            notes.add(text);
        }

        @Override
        public void assume(boolean condition) {
            if (!condition) throw Discard.INSTANCE;
        }
    }

    /** Thrown by {@link Context#assume} on a false condition; the try is discarded. */
    private static final class Discard extends RuntimeException {
        static final Discard INSTANCE = new Discard();

        private Discard() {
            super("example discarded by assume", null, false, false);
        }
    }

    /**
     * Choices and maxima of the passing tries before the failure, up to {@link #REMEMBERED_CHOICES}
     * choices in all: the shrinker need not rerun them.
     */
    private final List<long[][]> passedTries = new ArrayList<>();
    private long passedChoices;
    private static final long REMEMBERED_CHOICES = 1_000_000;

    /** Whether the last {@link #execute} returned null because the body discarded the example. */
    private boolean lastDiscarded;
    /** Tries discarded by {@code assume} in this run. */
    private int discarded;

    /** Null when the example is invalid (overrun, a filter exhausted while replaying, or discarded by {@code assume}). */
    private Outcome<T> execute(long[] prefix, SplittableRandom random) {
        lastDiscarded = false;
        ChoiceRecorder rec = new ChoiceRecorder(prefix, random);
        T value;
        try {
            value = b.gen.generate(rec);
        } catch (Overrun o) {
            return null;
        } catch (FilterExhaustedException e) {
            if (random != null) throw e;
            return null;
        }
        Ctx ctx = new Ctx();
        Throwable failure = null;
        try {
            body.test(value, ctx);
        } catch (Discard d) {
            lastDiscarded = true;
            return null;
        } catch (VirtualMachineError e) {
            if (!(e instanceof StackOverflowError)) throw e;
            failure = e;
        } catch (Throwable t) {
            failure = t;
        }
        return new Outcome<>(value, rec.choices(), rec.maxes(), rec.spans(), ctx.labels, ctx.notes, failure);
    }

    PropertyResult<T> run() {
        long start = System.nanoTime();
        if (failureFile != null && Files.exists(failureFile)) {
            Outcome<T> stored = replayStored();
            if (stored != null) return failed(stored, 1, false, true);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Tally tally = new Tally();
        discarded = 0;
        Outcome<T> failure = runTries(tally, tries, random, start);
        // More tries while a coverage requirement is undecided (none after a time budget ran out).
        for (int next; failure == null && !tally.timeUp && tally.valid >= MIN_TRIES_FOR_COVERAGE
                && (next = moreTriesForCoverage(tally.counts, tally.valid)) > tally.valid; ) {
            failure = runTries(tally, next, random, start);
        }
        if (failure != null) return failed(failure, tally.valid, false, false);
        int valid = tally.valid;
        boolean timeUp = tally.timeUp && valid < tries;
        Map<String, Integer> counts = tally.counts;
        List<String> coverage = new ArrayList<>();
        if (!b.cover.isEmpty() && valid < MIN_TRIES_FOR_COVERAGE) {
            // A rate measured on a handful of tries says nothing (ftc.tries=5 would fail on luck).
            warnings.add("coverage requirements not checked: " + valid + " tries, at least " + MIN_TRIES_FOR_COVERAGE + " needed");
        }
        for (Map.Entry<String, Double> c : b.cover.entrySet()) {
            if (valid < MIN_TRIES_FOR_COVERAGE) break;
            int count = counts.getOrDefault(c.getKey(), 0);
            double pct = 100.0 * count / valid;
            switch (CoverageJudgement.decide(count, valid, c.getValue())) {
                case MET -> { }
                case SIGNIFICANTLY_BELOW -> coverage.add(String.format(
                        "label '%s' in %.2f%% of %d tries (%d), required at least %.2f%% (the true rate is at most %.2f%%, %.0f standard deviations)",
                        c.getKey(), pct, valid, count, c.getValue(), 100 * CoverageJudgement.upperBound(count, valid), CoverageJudgement.Z));
                case UNDECIDED -> warnings.add(String.format(
                        "label '%s' in %.2f%% of %d tries (%d), below the required %.2f%% but not significantly: counted as met",
                        c.getKey(), pct, valid, count, c.getValue()));
            }
        }
        if (valid > tries) {
            warnings.add((valid - tries) + " tries beyond the " + tries + " to decide a coverage requirement");
        }
        PropertyResult<T> r = new PropertyResult<>(b.name, coverage.isEmpty(), valid, seed, false, null, null, null,
                0, false, timeUp, false, counts, coverage, List.of(), null, null, null, replayCommand());
        r.setReport(passReport(r, start));
        if (!b.quiet) System.out.print(r.report());
        return r;
    }

    /** The running counts of one property run. */
    private static final class Tally {
        final Map<String, Integer> counts = new LinkedHashMap<>();
        int valid;
        int invalid;
        int attempt;
        boolean timeUp;
    }

    /**
     * Runs tries until {@code target} valid ones (or the time budget) and returns the first
     * failing outcome, or null. The first try of a run is the all-zero example.
     */
    private Outcome<T> runTries(Tally t, int target, SplittableRandom random, long start) {
        int maxInvalid = Math.max(100, 10 * target);
        for (; t.valid < target; t.attempt++) {
            if (b.timeBudget != null && System.nanoTime() - start > b.timeBudget.toNanos()) {
                t.timeUp = true;
                return null;
            }
            Outcome<T> o = t.attempt == 0 ? execute(EMPTY, null) : execute(null, random);
            if (o == null) {
                if (lastDiscarded) discarded++;
                if (++t.invalid > maxInvalid) {
                    throw new IllegalStateException("property " + b.name + ": " + t.invalid + " invalid examples ("
                            + discarded + " discarded by assume, " + (t.invalid - discarded) + " over " + ChoiceRecorder.MAX_CHOICES
                            + " choices) after " + t.valid + " valid ones; "
                            + (discarded * 2 > t.invalid ? "the assumption rejects nearly every example" : "the generator builds examples too large"));
                }
                continue;
            }
            t.valid++;
            if (o.failure() != null) return o;
            if (passedChoices + o.choices().length <= REMEMBERED_CHOICES) {
                passedTries.add(new long[][] {o.choices(), o.maxes()});
                passedChoices += o.choices().length;
            }
            for (String label : o.labels()) t.counts.merge(label, 1, Integer::sum);
        }
        return null;
    }

    /**
     * The number of valid tries to reach before coverage is judged: {@code valid} when every
     * requirement is decided ({@link CoverageJudgement}), else twice as many, up to the cap of the
     * undecided requirements.
     */
    private int moreTriesForCoverage(Map<String, Integer> counts, int valid) {
        int cap = valid;
        for (Map.Entry<String, Double> c : b.cover.entrySet()) {
            if (CoverageJudgement.decide(counts.getOrDefault(c.getKey(), 0), valid, c.getValue()) == CoverageJudgement.Decision.UNDECIDED) {
                cap = Math.max(cap, CoverageJudgement.cap(tries, c.getValue()));
            }
        }
        return Math.min(cap, 2 * valid);
    }

    private Outcome<T> replayStored() {
        long[] choices;
        try {
            choices = ChoiceFiles.read(failureFile);
        } catch (IOException | RuntimeException e) {
            warnings.add("unreadable stored failure " + failureFile + " removed: " + e);
            deleteQuietly();
            return null;
        }
        Outcome<T> o;
        try {
            o = execute(choices, null);
        } catch (RuntimeException e) {
            o = null;
        }
        if (o != null && o.failure() != null) return o;
        warnings.add("stored failure " + failureFile + " passes now; removed");
        deleteQuietly();
        return null;
    }

    /**
     * Removes the stored failure and its companions ({@code <name>.choices}, and files such as
     * {@code <name>.instance.json} that hooks wrote next to it), so nothing stale looks like a live failure.
     */
    private void deleteQuietly() {
        try {
            Files.deleteIfExists(failureFile);
            String base = failureFile.getFileName().toString().replaceFirst("\\.choices$", "") + ".";
            Path dir = failureFile.toAbsolutePath().getParent();
            if (dir != null && Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        if (f.getFileName().toString().startsWith(base)) Files.deleteIfExists(f);
                    }
                }
            }
        } catch (IOException e) {
            warnings.add("could not delete " + failureFile + ": " + e);
        }
    }


    private PropertyResult<T> failed(Outcome<T> original, int triesRun, boolean timeUp, boolean fromStored) {
        Throwable first = original.failure();
        Shrinker.Oracle<Outcome<T>> oracle = candidate -> {
            Outcome<T> o;
            try {
                o = execute(candidate, null);
            } catch (RuntimeException | StackOverflowError e) {
                return null; // a generator error on an edited sequence: not a valid candidate
            }
            if (o == null) return null;
            boolean same = o.failure() != null && b.sameFailure.test(first, o.failure());
            return new Shrinker.Attempt<>(o.choices(), o.maxes(), o.spans(), o, same);
        };
        PrintStream progress = b.quiet ? null : System.err;
        Shrinker.Core<Outcome<T>> core = new Shrinker.Core<>(oracle,
                new Shrinker.Attempt<>(original.choices(), original.maxes(), original.spans(), original, true), shrinkBudget, progress, b.name);
        for (long[][] run : passedTries) core.remember(run[0], run[1]);
        Outcome<T> shrunk = core.run().payload;
        helped = core.helped();
        Path written = null;
        if (failureFile != null) {
            try {
                ChoiceFiles.write(failureFile, shrunk.choices(), List.of("ftc property failure: " + b.name,
                        "seed " + seed + "; replayed before new tries until the property passes on it"));
                written = failureFile;
            } catch (IOException e) {
                warnings.add("could not write " + failureFile + ": " + e);
            }
        }
        PropertyResult<T> r = new PropertyResult<>(b.name, false, triesRun, seed, true, shrunk.value(),
                original.value(), shrunk.failure(), core.steps, core.exhausted, timeUp, fromStored, Map.of(),
                List.of(), shrunk.notes(), shrunk.choices(), original.choices(), written, replayCommand());
        r.setShrinkStats(core.calls, core.passStats());
        r.setReport(failureReport(r, original));
        if (b.onFailure != null) b.onFailure.accept(r);
        if (!b.quiet) System.err.print(r.report());
        return r;
    }

    private String replayCommand() {
        return "mvn -B test -Dtest='" + b.testId + "' -Dftc.seed=" + seed;
    }

    private String print(T value) {
        try {
            return b.printer.apply(value);
        } catch (RuntimeException e) {
            return "<printer failed: " + e + "> " + value;
        }
    }

    private String failureReport(PropertyResult<T> r, Outcome<T> original) {
        StringBuilder sb = new StringBuilder();
        sb.append("Property ").append(b.name).append(" failed");
        if (r.fromStoredFailure()) sb.append(" on its stored failure ").append(failureFile);
        else sb.append(" after ").append(r.tries()).append(r.tries() == 1 ? " try" : " tries");
        sb.append(" (seed ").append(seed).append(")\n");
        sb.append("Shrunk example (").append(r.shrinkSteps()).append(" shrink steps")
                .append(r.shrinkBudgetExhausted() ? ", shrink budget " + shrinkBudget.toMillis() / 1000.0 + " s exhausted" : "")
                .append("):\n  ").append(indent(print(r.shrunk().orElse(null)))).append('\n');
        if (helped != null) sb.append("Shrink passes that helped: ").append(helped).append('\n');
        sb.append("Original example:\n  ").append(indent(print(original.value()))).append('\n');
        Throwable t = r.failure().orElse(null);
        sb.append("Failure of the shrunk example:\n  ").append(t == null ? "?" : indent(t.toString())).append('\n');
        for (String note : r.notes()) sb.append("Note: ").append(note).append('\n');
        for (String w : warnings) sb.append("Warning: ").append(w).append('\n');
        sb.append("Replay: ").append(r.replayCommand()).append('\n');
        if (r.failureFile().isPresent()) {
            sb.append("The shrunk choice sequence is stored in ").append(r.failureFile().get())
                    .append(" and is replayed first on the next run (until the property passes on it).\n");
        }
        return sb.toString();
    }

    private String passReport(PropertyResult<T> r, long start) {
        StringBuilder sb = new StringBuilder();
        sb.append("[ftc] ").append(b.name).append(": ").append(r.passed() ? "passed " : "coverage failed after ")
                .append(r.tries()).append(" tries (seed ").append(seed).append(", ")
                .append(String.format("%.2f s", (System.nanoTime() - start) / 1e9)).append(")");
        if (r.timeBudgetExhausted()) {
            sb.append(", time budget ").append(b.timeBudget.toMillis() / 1000.0).append(" s reached before ")
                    .append(tries).append(" tries");
        }
        if (discarded > 0) sb.append(", ").append(discarded).append(" discarded by assume");
        sb.append('\n');
        r.labelCounts().entrySet().stream().sorted(Map.Entry.comparingByValue((x, y) -> y - x)).forEach(e ->
                sb.append(String.format("  %-40s %7d  %6.2f%%%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, r.tries()))));
        for (String c : r.coverageFailures()) sb.append("  coverage failure: ").append(c).append('\n');
        for (String w : warnings) sb.append("  warning: ").append(w).append('\n');
        if (!r.passed()) sb.append("Replay: ").append(r.replayCommand()).append('\n');
        return sb.toString();
    }

    private static String indent(String s) {
        return s.replace("\n", "\n  ");
    }
}
