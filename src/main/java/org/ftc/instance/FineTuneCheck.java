package org.ftc.instance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.ftc.arith.NumberText;
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
            return "sample " + index + (changed ? " (changed)" : " (untouched)") + ": wanted " + NumberText.of(wanted)
                    + ", got " + NumberText.of(actual);
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
            StringBuilder s = new StringBuilder(failures.size() + " sample(s) miss their target (max error " + NumberText.of(maxError) + "):");
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
        Rational[] gv = BatchEvaluation.evaluate(g, x);
        // f is evaluated only at the changed samples (once per instance) and, at untouched samples,
        // only where |g(x)| exceeds the absolute tolerance: an untouched sample's error is |g(x)|,
        // so it passes when |g(x)| <= atol whatever f(x) is; beyond that, f(x) is needed for the
        // relative part of the tolerance (and for the message) (proofs-notes/SETTING-exact-model.md,
        // "Where f is evaluated").
        Rational[] fAtChanges = instance.pretrainedAtChanges();
        SortedMap<Integer, Rational> changes = instance.changes();
        Rational[] error = new Rational[x.length];
        Rational[] actualAtChange = new Rational[fAtChanges.length];
        int c = 0;
        for (Map.Entry<Integer, Rational> e : changes.entrySet()) {
            actualAtChange[c] = fAtChanges[c].add(gv[e.getKey()]);
            error[e.getKey()] = actualAtChange[c].subtract(e.getValue()).abs();
            c++;
        }
        List<Integer> suspectUntouched = new ArrayList<>();
        Rational maxError = Rational.ZERO;
        for (int i = 0; i < x.length; i++) {
            if (error[i] == null) {
                error[i] = gv[i].abs();
                if (error[i].compareTo(tolerance.absolute()) > 0) suspectUntouched.add(i);
            }
            if (error[i].compareTo(maxError) > 0) maxError = error[i];
        }
        Rational[][] suspectPoints = new Rational[suspectUntouched.size()][];
        for (int j = 0; j < suspectPoints.length; j++) suspectPoints[j] = x[suspectUntouched.get(j)];
        Rational[] fAtSuspect = BatchEvaluation.evaluate(instance.pretrained(), suspectPoints);
        java.util.Map<Integer, Rational> fUntouched = new java.util.HashMap<>();
        for (int j = 0; j < suspectPoints.length; j++) fUntouched.put(suspectUntouched.get(j), fAtSuspect[j]);
        List<SampleFailure> failures = new ArrayList<>();
        c = 0;
        for (int i = 0; i < x.length; i++) {
            Rational label = changes.get(i);
            if (label != null) {
                Rational actual = actualAtChange[c++];
                if (error[i].compareTo(tolerance.allowed(label)) > 0) failures.add(new SampleFailure(i, true, label, actual));
            } else {
                Rational f = fUntouched.get(i);
                if (f != null && error[i].compareTo(tolerance.allowed(f)) > 0) failures.add(new SampleFailure(i, false, f, f.add(gv[i])));
            }
        }
        return new Report(List.copyOf(failures), g.neurons(), g.depth(), maxError);
    }
}
