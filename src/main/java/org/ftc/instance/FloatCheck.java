package org.ftc.instance;

import org.ftc.arith.NumberText;
import org.ftc.arith.Rational;
import org.ftc.net.BatchEvaluation;
import org.ftc.net.FloatEvaluation;
import org.ftc.net.FloatEvaluation.Precision;
import org.ftc.net.Network;

/**
 * {@code f + g} evaluated in IEEE arithmetic ({@link FloatEvaluation}, the way a float PyTorch
 * model computes it) and compared, exactly, with the targets: the worst error and where it is, and
 * how many samples miss the tolerance in floating point. Beside the exact verdict, never instead of
 * it: an exact pass stays the only pass.
 */
public final class FloatCheck {
    private FloatCheck() {
    }

    /**
     * The outcome. {@code worstError} is the exact {@code |float result - wanted|} at
     * {@code worstSample} (-1 when there are no samples), or empty when some result is not finite.
     */
    public record Report(Precision precision, int samples, int misses, int worstSample, double worstValue,
                         Rational worstWanted, java.util.Optional<Rational> worstError) {
        public boolean finite() {
            return worstError.isPresent() || samples == 0;
        }

        /** {@code float32: worst error 3/2^30 at sample 4 (wanted 1, got 0x1.000004p0); 0 of 25 samples miss the tolerance}. */
        public String describe() {
            if (samples == 0) return precision.label() + ": no samples";
            String where = " at sample " + worstSample + " (wanted " + NumberText.of(worstWanted) + ", got " + show(worstValue) + ")";
            String error = worstError.map(e -> "worst error " + NumberText.of(e)).orElse("a result is not finite");
            return precision.label() + ": " + error + where + "; " + misses + " of " + samples + " sample(s) miss the tolerance in " + precision.label();
        }

        private String show(double v) {
            if (!Double.isFinite(v)) return Double.toString(v);
            return precision == Precision.FLOAT32 ? Float.toHexString((float) v) + " = " + (float) v : Double.toHexString(v) + " = " + v;
        }
    }

    public static Report check(Instance instance, Network<Rational> g, Precision precision, Tolerance tolerance) {
        Rational[][] x = instance.samplesView();
        Rational[] fx = BatchEvaluation.evaluate(instance.pretrained(), x);
        Rational[] wantedExact = new Rational[x.length];
        for (int i = 0; i < x.length; i++) wantedExact[i] = instance.changes().getOrDefault(i, fx[i]);
        double[] v = FloatEvaluation.sum(instance.pretrained(), g, x, precision);
        int misses = 0;
        int worst = -1;
        Rational worstError = null;
        boolean infinite = false;
        for (int i = 0; i < x.length; i++) {
            Rational wanted = wantedExact[i];
            if (!Double.isFinite(v[i])) {
                misses++;
                if (!infinite) worst = i;
                infinite = true;
                continue;
            }
            Rational error = Rational.of(v[i]).subtract(wanted).abs();
            if (error.compareTo(tolerance.allowed(wanted)) > 0) misses++;
            if (!infinite && (worstError == null || error.compareTo(worstError) > 0)) {
                worstError = error;
                worst = i;
            }
        }
        if (x.length == 0) return new Report(precision, 0, 0, -1, 0, Rational.ZERO, java.util.Optional.of(Rational.ZERO));
        return new Report(precision, x.length, misses, worst, v[worst], wantedExact[worst],
                infinite ? java.util.Optional.empty() : java.util.Optional.of(worstError));
    }
}
