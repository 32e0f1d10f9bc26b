package org.ftc.prop;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a property run found. Property failures and coverage failures both make {@link #passed()} false. */
public final class PropertyResult<T> {
    private final String name;
    private final boolean passed;
    private final int tries;
    private final long seed;
    private final T shrunk;
    private final T original;
    private final boolean hasExample;
    private final Throwable failure;
    private final int shrinkSteps;
    private final boolean shrinkBudgetExhausted;
    private final boolean timeBudgetExhausted;
    private final boolean fromStoredFailure;
    private final Map<String, Integer> labelCounts;
    private final List<String> coverageFailures;
    private final List<String> notes;
    private final long[] shrunkChoices;
    private final long[] originalChoices;
    private final Path failureFile;
    private final String replayCommand;
    private String report;
    private long shrinkCalls;
    private List<Shrinker.PassStats> shrinkPasses = List.of();

    PropertyResult(String name, boolean passed, int tries, long seed, boolean hasExample, T shrunk, T original,
            Throwable failure, int shrinkSteps, boolean shrinkBudgetExhausted, boolean timeBudgetExhausted,
            boolean fromStoredFailure, Map<String, Integer> labelCounts, List<String> coverageFailures,
            List<String> notes, long[] shrunkChoices, long[] originalChoices, Path failureFile, String replayCommand) {
        this.name = name;
        this.passed = passed;
        this.tries = tries;
        this.seed = seed;
        this.hasExample = hasExample;
        this.shrunk = shrunk;
        this.original = original;
        this.failure = failure;
        this.shrinkSteps = shrinkSteps;
        this.shrinkBudgetExhausted = shrinkBudgetExhausted;
        this.timeBudgetExhausted = timeBudgetExhausted;
        this.fromStoredFailure = fromStoredFailure;
        this.labelCounts = Map.copyOf(labelCounts);
        this.coverageFailures = List.copyOf(coverageFailures);
        this.notes = List.copyOf(notes);
        this.shrunkChoices = shrunkChoices;
        this.originalChoices = originalChoices;
        this.failureFile = failureFile;
        this.replayCommand = replayCommand;
    }

    void setReport(String report) {
        this.report = report;
    }

    void setShrinkStats(long calls, List<Shrinker.PassStats> passes) {
        this.shrinkCalls = calls;
        this.shrinkPasses = List.copyOf(passes);
    }

    /** Candidates the shrinker replayed (0 when nothing failed); the tries before are {@link #tries()}. */
    public long shrinkCalls() {
        return shrinkCalls;
    }

    /** Every shrink pass's counters (empty when nothing failed). */
    public List<Shrinker.PassStats> shrinkPasses() {
        return shrinkPasses;
    }

    public String name() {
        return name;
    }

    public boolean passed() {
        return passed;
    }

    /** Valid examples run (including the failing one). */
    public int tries() {
        return tries;
    }

    public long seed() {
        return seed;
    }

    /** The shrunk failing example; empty when the property held (or only coverage failed). */
    public Optional<T> shrunk() {
        return hasExample ? Optional.ofNullable(shrunk) : Optional.empty();
    }

    /** The failing example as first found, before shrinking. */
    public Optional<T> original() {
        return hasExample ? Optional.ofNullable(original) : Optional.empty();
    }

    /** What the shrunk example threw. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    public int shrinkSteps() {
        return shrinkSteps;
    }

    public boolean shrinkBudgetExhausted() {
        return shrinkBudgetExhausted;
    }

    /** True when the time budget stopped the run before all tries. */
    public boolean timeBudgetExhausted() {
        return timeBudgetExhausted;
    }

    /** True when the failure came from replaying the stored failure file. */
    public boolean fromStoredFailure() {
        return fromStoredFailure;
    }

    /** Per label, the number of tries that carried it. */
    public Map<String, Integer> labelCounts() {
        return labelCounts;
    }

    /** One line per unmet {@code cover} requirement. */
    public List<String> coverageFailures() {
        return coverageFailures;
    }

    /** Notes recorded by the body on the shrunk example. */
    public List<String> notes() {
        return notes;
    }

    /** The shrunk example's choice sequence (empty when the property held). */
    public long[] shrunkChoices() {
        return shrunkChoices == null ? new long[0] : shrunkChoices.clone();
    }

    public long[] originalChoices() {
        return originalChoices == null ? new long[0] : originalChoices.clone();
    }

    /** Where the shrunk choices were stored, if written. */
    public Optional<Path> failureFile() {
        return Optional.ofNullable(failureFile);
    }

    public String report() {
        return report;
    }

    public String replayCommand() {
        return replayCommand;
    }

    @Override
    public String toString() {
        return report;
    }
}
