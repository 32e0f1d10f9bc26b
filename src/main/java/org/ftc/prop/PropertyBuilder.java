package org.ftc.prop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

/** Settings of one property; {@link #run} or {@link #check} executes it. */
public final class PropertyBuilder<T> {
    final Gen<T> gen;
    final String testId;
    String name;
    Integer tries;
    Long seed;
    Duration timeBudget;
    Duration shrinkBudget;
    Function<? super T, String> printer = String::valueOf;
    BiPredicate<Throwable, Throwable> sameFailure = FailureOrigin::same;
    final Map<String, Double> cover = new LinkedHashMap<>();
    Path failureDir;
    Consumer<PropertyResult<T>> onFailure;
    boolean quiet;
    boolean systemProperties = true;
    boolean storeFailures = true;

    PropertyBuilder(Gen<T> gen, String testId) {
        this.gen = gen;
        this.testId = testId;
        this.name = testId;
    }

    /** The name used in reports and for the stored failure file; default the calling Class#method. */
    public PropertyBuilder<T> named(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Valid examples to try (default 200); {@code ftc.tries} overrides, {@code ftc.deep=true} multiplies by 10. */
    public PropertyBuilder<T> tries(int n) {
        if (n < 1) throw new IllegalArgumentException("tries must be >= 1: " + n);
        this.tries = n;
        return this;
    }

    /** The random seed (default random); {@code ftc.seed} overrides. */
    public PropertyBuilder<T> seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Stop starting new tries after this long; the result says how many ran. */
    public PropertyBuilder<T> timeBudget(Duration d) {
        this.timeBudget = Objects.requireNonNull(d, "d");
        return this;
    }

    /** Time allowed for shrinking (default {@code ftc.shrinkSeconds}, else 10 s). */
    public PropertyBuilder<T> shrinkBudget(Duration d) {
        this.shrinkBudget = Objects.requireNonNull(d, "d");
        return this;
    }

    public PropertyBuilder<T> printer(Function<? super T, String> p) {
        this.printer = Objects.requireNonNull(p, "p");
        return this;
    }

    /**
     * When a shrink candidate's failure counts as the original one. Default: the same exception
     * class thrown from the same place (the first stack frame outside the engine, AssertJ, JUnit
     * and the JDK), so shrinking cannot slide from one bug to another. A property can refine it,
     * e.g. by the message, or loosen it to the class alone.
     */
    public PropertyBuilder<T> sameFailure(BiPredicate<Throwable, Throwable> same) {
        this.sameFailure = Objects.requireNonNull(same, "same");
        return this;
    }

    /**
     * Fail when {@code label} is carried by significantly fewer than {@code minPercent}% of the
     * tries: the generator's true rate is below it beyond 5 standard deviations. A rate below it
     * but not significantly runs more tries before the judgement ({@link CoverageJudgement}).
     */
    public PropertyBuilder<T> cover(String label, double minPercent) {
        cover.put(Objects.requireNonNull(label, "label"), minPercent);
        return this;
    }

    /** Where failures are stored and replayed from (default {@code ftc.failures}, else ".ftc-failures"). */
    public PropertyBuilder<T> failureDir(Path dir) {
        this.failureDir = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /** Called with the result after a property failure has been shrunk. */
    public PropertyBuilder<T> onFailure(Consumer<PropertyResult<T>> hook) {
        this.onFailure = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /** No statistics or progress output. */
    public PropertyBuilder<T> quiet() {
        this.quiet = true;
        return this;
    }

    /**
     * Ignore the {@code ftc.*} system properties (tries, seed, deep, failures, shrinkSeconds), so
     * the settings in code are exactly what runs. For the engine's own meta-tests and for tools.
     */
    public PropertyBuilder<T> ignoreSystemProperties() {
        this.systemProperties = false;
        return this;
    }

    /** Neither replay nor write a failure file. */
    public PropertyBuilder<T> noFailureFile() {
        this.storeFailures = false;
        return this;
    }

    /** Runs the property; never throws for property or coverage failures. */
    public PropertyResult<T> run(PropertyBody<T> body) {
        return new Runner<>(this, Objects.requireNonNull(body, "body")).run();
    }

    /** Runs the property and throws {@link PropertyFailure} with the report unless it passed. */
    public PropertyResult<T> check(PropertyBody<T> body) {
        PropertyResult<T> r = run(body);
        if (!r.passed()) throw new PropertyFailure(r);
        return r;
    }
}
