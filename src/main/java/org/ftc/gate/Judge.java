package org.ftc.gate;

import java.util.List;
import java.util.OptionalLong;
import org.ftc.arith.Rational;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.FloatCheck;
import org.ftc.instance.InfeasibleInstanceException;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.instance.Tolerance;
import org.ftc.net.FloatEvaluation.Precision;
import org.ftc.net.Network;

/**
 * Decides a verdict from an instance and what an implementation produced on it (an
 * {@link Attempt}, whichever {@link Implementation} ran), exactly: the answer's weights are exact
 * rationals and {@code f + g} is checked with {@link FineTuneCheck} in {@code Rational}
 * arithmetic; a tolerance, when given, is compared exactly too.
 */
public final class Judge {
    private final BudgetRule budget;
    private final Tolerance tolerance;
    private final java.util.Optional<Precision> floatEval;

    /** Exact, or with an absolute tolerance. */
    public Judge(BudgetRule budget, Rational tolerance) {
        this(budget, Tolerance.absolute(tolerance), java.util.Optional.empty());
    }

    /**
     * With an absolute and a relative tolerance ({@link Tolerance}: {@code |error| <= atol + rtol |wanted|}, exactly);
     * {@code floatEval}: also evaluate every answered {@code f + g} in IEEE arithmetic ({@link FloatCheck}) and add it to the message.
     */
    public Judge(BudgetRule budget, Tolerance tolerance, java.util.Optional<Precision> floatEval) {
        this.floatEval = floatEval;
        this.budget = budget;
        this.tolerance = tolerance;
    }

    public BudgetRule budgetRule() {
        return budget;
    }

    public Tolerance tolerance() {
        return tolerance;
    }

    /** Why the instance is infeasible, or empty when it is feasible. */
    public static java.util.Optional<String> infeasibility(Instance instance) {
        try {
            Residuals.of(instance);
            return java.util.Optional.empty();
        } catch (InfeasibleInstanceException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    /**
     * The verdict on what an implementation produced (spec/protocol.md, section 6.5), whichever
     * way it was run: the attempt's outcome decides, in the implementation's own words, and the
     * verdict carries the run's exit status, standard error and time.
     */
    public Verdict judge(Instance instance, Attempt attempt) {
        Verdict v = decide(instance, attempt);
        Attempt.Run run = attempt.run();
        return v.withRun(run.exitStatus(), run.stderrTail(), run.elapsedMillis());
    }

    private Verdict decide(Instance instance, Attempt attempt) {
        if (attempt instanceof Attempt.Failed f) return Verdict.of(f.kind(), f.message());
        if (attempt instanceof Attempt.Unsupported u) return Verdict.of(Verdict.Kind.UNSUPPORTED, u.message());
        java.util.Optional<String> infeasible = infeasibility(instance);
        if (attempt instanceof Attempt.Infeasible claim) {
            return infeasible.isPresent()
                    ? Verdict.of(Verdict.Kind.PASS, "correctly reported infeasible (" + infeasible.get() + ")")
                    : Verdict.of(Verdict.Kind.FALSE_INFEASIBLE, claim.said() + " but the instance is feasible");
        }
        Attempt.Answered answered = (Attempt.Answered) attempt;
        if (infeasible.isPresent()) {
            return Verdict.of(Verdict.Kind.MISSED_INFEASIBLE, answered.said() + " but the instance is infeasible: " + infeasible.get());
        }
        Network<Rational> g;
        try {
            g = answered.network().network();
        } catch (Attempt.Unreadable e) {
            return Verdict.of(Verdict.Kind.BAD_OUTPUT, e.getMessage());
        }
        return judge(instance, g);
    }

    /**
     * The verdict on a network given directly (the {@code verify} command); the instance must be
     * feasible. With a float evaluation, its worst error follows the exact verdict in the message,
     * with a warning when an exact pass misses in floating point.
     */
    public Verdict judge(Instance instance, Network<Rational> g) {
        Verdict v = exact(instance, g);
        if (floatEval.isEmpty() || g.inputDimension() != instance.dimension()) return v;
        FloatCheck.Report r = FloatCheck.check(instance, g, floatEval.get(), tolerance);
        String warning = v.passed() && r.misses() > 0 ? " (warning: the exact pass misses in " + floatEval.get().label() + ")" : "";
        return new Verdict(v.kind(), v.message() + "; " + r.describe() + warning, v.failures(), v.neurons(), v.budget(), v.exitStatus(),
                v.stderrTail(), v.elapsedMillis());
    }

    private Verdict exact(Instance instance, Network<Rational> g) {
        int n = instance.changeCount();
        OptionalLong b = budget.budget(instance.depth(), n);
        if (g.inputDimension() != instance.dimension()) {
            return new Verdict(Verdict.Kind.BAD_OUTPUT, "network reads input_dimension " + g.inputDimension() + " but the samples have "
                    + instance.dimension() + " coordinates", List.of(), g.neurons(), b, -1, "", 0);
        }
        if (g.depth() != instance.depth()) {
            return new Verdict(Verdict.Kind.BAD_OUTPUT, "network has depth " + g.depth() + " but depth " + instance.depth() + " was asked",
                    List.of(), g.neurons(), b, -1, "", 0);
        }
        FineTuneCheck.Report report = FineTuneCheck.check(instance, g, tolerance);
        if (!report.fineTuned()) {
            String tol = tolerance.isExact() ? "" : " beyond " + tolerance.describe();
            return new Verdict(Verdict.Kind.WRONG_VALUE, report.failures().size() + " of " + instance.sampleCount() + " sample(s) miss their target" + tol
                    + " (max error " + org.ftc.arith.NumberText.of(report.maxError()) + "); first: " + report.failures().get(0), report.failures(), g.neurons(), b, -1, "", 0);
        }
        if (b.isPresent() && g.neurons() > b.getAsLong()) {
            return new Verdict(Verdict.Kind.OVER_BUDGET, g.neurons() + " neurons, budget " + b.getAsLong() + " (N = " + n + ", depth "
                    + instance.depth() + ", rule " + budget + ")", List.of(), g.neurons(), b, -1, "", 0);
        }
        String tol = tolerance.isExact() ? "exactly" : "within " + tolerance.describe() + " (max error " + org.ftc.arith.NumberText.of(report.maxError()) + ")";
        return new Verdict(Verdict.Kind.PASS, "every sample meets its target " + tol + "; " + g.neurons() + " neurons"
                + (b.isPresent() ? " <= budget " + b.getAsLong() : " (no budget)"), List.of(), g.neurons(), b, -1, "", 0);
    }
}
