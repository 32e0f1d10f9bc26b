package org.ftc.cli;

import org.ftc.arith.Rational;
import org.ftc.gate.BudgetRule;
import org.ftc.instance.Tolerance;
import org.ftc.io.ReadLimits;
import picocli.CommandLine.Option;

/** The options that decide a verdict, shared by {@code verify} and {@code gate} (a picocli mixin). */
final class JudgeOptions {
    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "0",
            description = "Absolute tolerance for float implementations, an exact number such as 1e-9 or 1/1000 (default: ${DEFAULT-VALUE}, exact). "
                    + "Weights are still read exactly and the error is measured exactly.")
    String tolerance;

    @Option(names = "--rtol", paramLabel = "RTOL", defaultValue = "0",
            description = "Relative tolerance, an exact number (default: ${DEFAULT-VALUE}): a sample passes when |f+g - wanted| <= TOL + RTOL |wanted| "
                    + "(numpy allclose), decided exactly.")
    String rtol;

    @Option(names = "--budget", paramLabel = "RULE", defaultValue = "default",
            description = "Neuron budget: default (3N for depth 2, B3(N) for depth 3), tl (also B3(N) + L - 3 at depth L >= 4), t3c (T3C's guaranteed count, + L - 3 at depth L), none, a number, or aN+b such as 2N+1 (default: ${DEFAULT-VALUE}).")
    String budget;

    @Option(names = "--max-number-length", paramLabel = "chars", defaultValue = "10000",
            description = "Longest number text accepted in a network (default: ${DEFAULT-VALUE}); raise it for networks whose exact weights are long.")
    int maxNumberLength;

    Rational tolerance() throws CliFailure {
        Rational tol = Inputs.number("--tolerance", tolerance);
        if (tol.signum() < 0) throw new CliFailure(Ftc.BAD_INPUT, "--tolerance must be non-negative, got " + tol);
        return tol;
    }

    /** {@code --tolerance} and {@code --rtol} together. */
    Tolerance tolerances() throws CliFailure {
        Rational r = Inputs.number("--rtol", rtol);
        if (r.signum() < 0) throw new CliFailure(Ftc.BAD_INPUT, "--rtol must be non-negative, got " + r);
        return new Tolerance(tolerance(), r);
    }

    BudgetRule budget() throws CliFailure {
        try {
            return BudgetRule.parse(budget);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(Ftc.BAD_INPUT, "--budget: " + e.getMessage());
        }
    }

    int maxNumberLength() throws CliFailure {
        if (maxNumberLength < 1) throw new CliFailure(Ftc.BAD_INPUT, "--max-number-length must be at least 1, got " + maxNumberLength);
        return maxNumberLength;
    }

    ReadLimits networkLimits() throws CliFailure {
        return ReadLimits.DEFAULT.withMaxNumberLength(maxNumberLength());
    }
}
