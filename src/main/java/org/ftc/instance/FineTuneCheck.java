package org.ftc.instance;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.net.BatchEvaluation;
import org.ftc.net.Network;

/**
 * The exact verdict on {@code f + g}: every changed sample must take its new label and every other
 * sample must keep {@code f}'s output. Decided with exact rational arithmetic; a tolerance is used
 * only when the caller asks for one, and is then compared exactly too.
 */
public final class FineTuneCheck {
    private FineTuneCheck() {
    }

    /** One sample where {@code f + g} misses its target. */
    public record SampleFailure(int index, boolean changed, Rational wanted, Rational actual) {
        @Override
        public String toString() {
            return "sample " + index + (changed ? " (changed)" : " (untouched)") + ": wanted " + wanted.abbreviated(80)
                    + ", got " + actual.abbreviated(80);
        }
    }

    /** The outcome: the failing samples (empty when fine-tuned) and the size of {@code g}. */
    public record Report(List<SampleFailure> failures, int neurons, int depth, Rational maxError) {
        public boolean fineTuned() {
            return failures.isEmpty();
        }

        /** A one-paragraph summary naming up to {@code limit} failing samples. */
        public String describe(int limit) {
            if (fineTuned()) return "fine-tuned: every sample meets its target (" + neurons + " neurons, depth " + depth + ")";
            StringBuilder s = new StringBuilder(failures.size() + " sample(s) miss their target (max error " + maxError.abbreviated(80) + "):");
            for (int i = 0; i < Math.min(limit, failures.size()); i++) s.append("\n  ").append(failures.get(i));
            if (failures.size() > limit) s.append("\n  ... and ").append(failures.size() - limit).append(" more");
            return s.toString();
        }
    }

    /** Exact check with no tolerance. */
    public static Report check(Instance instance, Network<Rational> g) {
        return check(instance, g, Rational.ZERO);
    }

    /**
     * Check with an absolute tolerance {@code tol >= 0}: a sample passes when
     * {@code |f(x) + g(x) - wanted| <= tol}, decided exactly.
     */
    public static Report check(Instance instance, Network<Rational> g, Rational tolerance) {
        if (tolerance.signum() < 0) throw new IllegalArgumentException("tolerance must be non-negative, got " + tolerance);
        return check(instance, g, Tolerance.absolute(tolerance));
    }

    /**
     * Check with {@code |f(x) + g(x) - wanted| <= atol + rtol |wanted|} ({@link Tolerance}), decided exactly.
     */
    public static Report check(Instance instance, Network<Rational> g, Tolerance tolerance) {
        if (g.inputDimension() != instance.dimension()) {
            throw new IllegalArgumentException("g reads dimension " + g.inputDimension() + " but the instance has dimension " + instance.dimension());
        }
        Rational[][] x = instance.samplesView();
        Rational[] f = BatchEvaluation.evaluate(instance.pretrained(), x);
        Rational[] gv = BatchEvaluation.evaluate(g, x);
        List<SampleFailure> failures = new ArrayList<>();
        Rational maxError = Rational.ZERO;
        for (int i = 0; i < x.length; i++) {
            Rational label = instance.changes().get(i);
            Rational wanted = label == null ? f[i] : label;
            Rational actual = f[i].add(gv[i]);
            Rational error = actual.subtract(wanted).abs();
            if (error.compareTo(maxError) > 0) maxError = error;
            if (error.compareTo(tolerance.allowed(wanted)) > 0) failures.add(new SampleFailure(i, label != null, wanted, actual));
        }
        return new Report(List.copyOf(failures), g.neurons(), g.depth(), maxError);
    }
}
