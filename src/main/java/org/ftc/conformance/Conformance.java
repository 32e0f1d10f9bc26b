package org.ftc.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.ftc.arith.Rational;
import org.ftc.gate.BudgetRule;
import org.ftc.gate.Judge;
import org.ftc.gate.Verdict;
import org.ftc.instance.Instance;
import org.ftc.io.InstanceCodec;
import org.ftc.io.NumberParser;
import org.ftc.io.FormatException;
import org.ftc.prop.Property;
import org.ftc.prop.PropertyBuilder;
import org.ftc.prop.PropertyResult;

/**
 * The entry point for JVM implementations: judge a {@link Construction} in process, from the
 * implementer's own {@code mvn test}, on generated instances, with the gate's exact judge.
 *
 * <pre>{@code
 * @Test
 * void myHatsConform() {
 *     Conformance.of(MyHats::answer).depth(2).tries(200).check();
 * }
 * }</pre>
 *
 * A failure is shrunk by the property engine ({@link org.ftc.prop}) while the verdict kind stays the
 * same, and {@link #check} throws an {@link AssertionError} whose message holds the shrunk instance
 * (an {@code ftc-instance} document), the verdict with every failing sample, the seed, and the
 * command that replays it; the shrunk instance is also written to
 * {@code target/ftc-conformance/<test>.instance.json}. The construction is called as an
 * {@link InProcessImplementation} and its answers judged by the gate's {@link Judge}, as the gate
 * judges any implementation (spec/protocol.md, section 6.5), so what passes here passes the gate.
 */
public final class Conformance {
    private final InProcessImplementation implementation;
    private int depth = 2;
    private Profile profile = Profile.GENERAL;
    private int maxSamples = 12;
    private int maxDimension = 3;
    private BudgetRule budget = BudgetRule.DEFAULT;
    private Rational tolerance = Rational.ZERO;
    private Integer tries;
    private Long seed;
    private Duration shrinkBudget = Duration.ofSeconds(30);
    private Path reportFolder = Path.of("target", "ftc-conformance");

    private Conformance(Construction construction) {
        this.implementation = new InProcessImplementation(construction);
    }

    public static Conformance of(Construction construction) {
        return new Conformance(construction);
    }

    /** The depth asked of {@code g} (default 2). */
    public Conformance depth(int d) {
        if (d < 1 || d > 1000) throw new IllegalArgumentException("depth must be in 1..1000, got " + d);
        this.depth = d;
        return this;
    }

    public Conformance profile(Profile p) {
        this.profile = Objects.requireNonNull(p, "p");
        return this;
    }

    /** Instances of 1..{@code k} samples (default 12) in dimension 1..{@code d} (default 3). */
    public Conformance size(int k, int d) {
        if (k < 1 || d < 1) throw new IllegalArgumentException("sizes must be at least 1");
        this.maxSamples = k;
        this.maxDimension = d;
        return this;
    }

    /** {@code default} (3N at depth 2, B3(N) at depth 3), {@code none}, a number, or {@code aN+b}. */
    public Conformance budget(String rule) {
        this.budget = BudgetRule.parse(rule);
        return this;
    }

    /** An exact number, for example {@code "1e-9"}; default 0 (exact equality). */
    public Conformance tolerance(String exact) {
        try {
            this.tolerance = NumberParser.DEFAULT.parse(exact);
        } catch (FormatException e) {
            throw new IllegalArgumentException("tolerance: " + e.problem(), e);
        }
        if (tolerance.signum() < 0) throw new IllegalArgumentException("tolerance must be non-negative");
        return this;
    }

    /** Generated instances to judge (default 200; {@code -Dftc.tries} overrides). */
    public Conformance tries(int n) {
        this.tries = n;
        return this;
    }

    /** The seed (default random, printed; {@code -Dftc.seed} overrides). */
    public Conformance seed(long s) {
        this.seed = s;
        return this;
    }

    public Conformance shrinkBudget(Duration d) {
        this.shrinkBudget = Objects.requireNonNull(d, "d");
        return this;
    }

    /** Where the shrunk instance of a failure is written (default {@code target/ftc-conformance}). */
    public Conformance reportFolder(Path folder) {
        this.reportFolder = Objects.requireNonNull(folder, "folder");
        return this;
    }

    /** The verdict on one instance, judged exactly. */
    public Verdict judge(Instance instance) {
        return new Judge(budget, tolerance).judge(instance, implementation.answer(instance, instance.id(), InProcessImplementation.NO_LIMIT));
    }

    /** Runs the property: every generated instance must get {@code pass}; throws with the shrunk failure otherwise. */
    public PropertyResult<Instance> check() {
        PropertyBuilder<Instance> p = Property.forAll(profile.instances(depth, maxSamples, maxDimension))
                .printer(InstanceCodec::write)
                .sameFailure((a, b) -> a instanceof ConformanceFailure && b instanceof ConformanceFailure
                        && ((ConformanceFailure) a).kind() == ((ConformanceFailure) b).kind())
                .shrinkBudget(shrinkBudget)
                .noFailureFile()
                .onFailure(r -> r.shrunk().ifPresent(i -> store(r.name(), i)));
        if (tries != null) p = p.tries(tries);
        if (seed != null) p = p.seed(seed);
        return p.check((instance, ctx) -> {
            Verdict v = judge(instance);
            ctx.label(v.kind().label());
            if (!v.passed()) throw new ConformanceFailure(instance, v);
        });
    }

    private void store(String name, Instance shrunk) {
        try {
            Files.createDirectories(reportFolder);
            Files.writeString(reportFolder.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".instance.json"), InstanceCodec.write(shrunk));
        } catch (IOException e) {
            // the failure message holds the instance anyway
        }
    }
}
