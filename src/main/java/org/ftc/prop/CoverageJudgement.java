package org.ftc.prop;

/**
 * The statistical judgement of a {@code cover(label, p)} requirement on random tries. A rate
 * observed on {@code n} tries scatters around the generator's true rate (by about
 * {@code sqrt(p (1 - p) / n)}: 3 points at {@code p = 30%, n = 200}), so comparing it with
 * {@code p} fails about half the runs of a generator whose true rate is {@code p}. A requirement
 * fails here only when the true rate is below {@code p} beyond reasonable doubt: the upper end of
 * the Wilson score interval at {@link #Z} standard deviations is below {@code p} (a false failure
 * has probability under {@code 3e-7} per look). When the observed rate is below {@code p} but not
 * significantly, the runner runs more tries (doubling, up to {@link #cap}) before it decides.
 */
final class CoverageJudgement {
    /** Standard deviations of the one-sided test: {@code P(N(0,1) > 5) = 2.9e-7}. */
    static final double Z = 5.0;

    private CoverageJudgement() {
    }

    enum Decision {
        /** The observed rate is at least the requirement. */
        MET,
        /** The true rate is below the requirement beyond {@link #Z} standard deviations. */
        SIGNIFICANTLY_BELOW,
        /** Below the requirement, but not significantly: more tries decide. */
        UNDECIDED
    }

    /** The upper end of the Wilson score interval for {@code count} of {@code n} at {@link #Z}. */
    static double upperBound(int count, int n) {
        double phat = (double) count / n;
        double z2 = Z * Z;
        double centre = phat + z2 / (2.0 * n);
        double spread = Z * Math.sqrt(phat * (1 - phat) / n + z2 / (4.0 * n * n));
        return Math.min(1.0, (centre + spread) / (1 + z2 / n));
    }

    /** The decision on {@code count} of {@code n} tries for a requirement of {@code minPercent}%. */
    static Decision decide(int count, int n, double minPercent) {
        if (100.0 * count >= minPercent * n) return Decision.MET;
        return 100.0 * upperBound(count, n) < minPercent ? Decision.SIGNIFICANTLY_BELOW : Decision.UNDECIDED;
    }

    /**
     * The most tries run to decide a requirement of {@code minPercent}% in a run of {@code tries}:
     * ten times the tries, and at least {@code 2 Z^2 / p}, so that a label that never occurs is
     * significantly below every positive requirement (its upper bound is {@code Z^2 / (n + Z^2)}).
     */
    static int cap(int tries, double minPercent) {
        double p = minPercent / 100.0;
        long byRate = p <= 0 ? 0 : (long) Math.ceil(2 * Z * Z / p);
        return (int) Math.min(Integer.MAX_VALUE / 2, Math.max(10L * tries, byRate));
    }
}
