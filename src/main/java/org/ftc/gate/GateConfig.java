package org.ftc.gate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.ftc.arith.Rational;
import org.ftc.instance.Tolerance;
import org.ftc.io.ReadLimits;
import org.ftc.net.FloatEvaluation.Precision;

/**
 * How the gate runs an implementation, and the judge's settings.
 *
 * @param command        the implementation, run as {@code /bin/sh -c command}
 * @param timeoutMillis  per-instance time limit; the process tree is killed when it is exceeded
 * @param maxOutputBytes standard output beyond this is {@code bad-output}
 * @param budget         the neuron budget rule
 * @param tolerance      absolute tolerance (0 = exact)
 * @param jobs           instances run in parallel
 * @param shrinkTime     time budget for shrinking one failure ({@code Duration.ZERO}: no shrinking)
 * @param maxShrinks     how many failures are shrunk (the first of each verdict kind, in order)
 * @param outputFolder   where results and counterexamples go, if anywhere
 * @param workingDirectory where the command runs
 * @param lineMode       keep one process per worker alive and exchange one JSON line per instance
 *                       (docs/gate.md, "Line mode"); false: one process per instance ({@link #implementation})
 * @param maxNumberLength longest number text accepted in an answer (the readers' limit; default 10,000)
 * @param relativeTolerance relative tolerance: a sample passes when its error is at most
 *                       {@code tolerance + relativeTolerance |wanted|} (numpy allclose), decided exactly
 * @param floatEval      also evaluate every answered {@code f + g} in IEEE float32 or float64 (FloatCheck)
 * @param overwriteOutput the output folder may hold a previous run's files, which are removed first
 *                        (false: a non-empty folder is refused, so runs never mix)
 */
public record GateConfig(String command, long timeoutMillis, long maxOutputBytes, BudgetRule budget, Rational tolerance, int jobs,
                         Duration shrinkTime, int maxShrinks, Optional<Path> outputFolder, Path workingDirectory, boolean lineMode,
                         int maxNumberLength, Rational relativeTolerance, Optional<Precision> floatEval, boolean overwriteOutput) {
    public static final long DEFAULT_TIMEOUT_MILLIS = 10_000;
    public static final long DEFAULT_MAX_OUTPUT = 64L << 20;

    public GateConfig {
        if (jobs < 1) throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        if (tolerance.signum() < 0) throw new IllegalArgumentException("tolerance must be non-negative, got " + tolerance);
        if (maxShrinks < 0) throw new IllegalArgumentException("maxShrinks must be non-negative");
        if (relativeTolerance.signum() < 0) throw new IllegalArgumentException("relative tolerance must be non-negative, got " + relativeTolerance);
        if (maxNumberLength < 1) throw new IllegalArgumentException("maxNumberLength must be at least 1, got " + maxNumberLength);
    }

    /** Defaults for a command: 10 s, 64 MiB, default budgets, exact, 2 jobs, 30 s shrinking, 3 shrinks, no output folder, one process per instance. */
    public static GateConfig of(String command) {
        return new GateConfig(command, DEFAULT_TIMEOUT_MILLIS, DEFAULT_MAX_OUTPUT, BudgetRule.DEFAULT, Rational.ZERO, 2,
                Duration.ofSeconds(30), 3, Optional.empty(), Path.of("").toAbsolutePath(), false,
                ReadLimits.DEFAULT.maxNumberLength(), Rational.ZERO, Optional.empty(), false);
    }

    public GateConfig withOutputFolder(Path folder) {
        return new GateConfig(command, timeoutMillis, maxOutputBytes, budget, tolerance, jobs, shrinkTime, maxShrinks, Optional.of(folder), workingDirectory, lineMode, maxNumberLength, relativeTolerance, floatEval, overwriteOutput);
    }

    /** The output folder, and whether a previous run's files there are replaced (else a non-empty folder is refused). */
    public GateConfig withOutputFolder(Path folder, boolean overwrite) {
        return new GateConfig(command, timeoutMillis, maxOutputBytes, budget, tolerance, jobs, shrinkTime, maxShrinks, Optional.of(folder), workingDirectory, lineMode, maxNumberLength, relativeTolerance, floatEval, overwrite);
    }

    public GateConfig withTolerance(Rational tol) {
        return new GateConfig(command, timeoutMillis, maxOutputBytes, budget, tol, jobs, shrinkTime, maxShrinks, outputFolder, workingDirectory, lineMode, maxNumberLength, relativeTolerance, floatEval, overwriteOutput);
    }

    public GateConfig withTimeout(long millis, long maxOutput) {
        return new GateConfig(command, millis, maxOutput, budget, tolerance, jobs, shrinkTime, maxShrinks, outputFolder, workingDirectory, lineMode, maxNumberLength, relativeTolerance, floatEval, overwriteOutput);
    }

    public GateConfig withShrinking(Duration time, int count) {
        return new GateConfig(command, timeoutMillis, maxOutputBytes, budget, tolerance, jobs, time, count, outputFolder, workingDirectory, lineMode, maxNumberLength, relativeTolerance, floatEval, overwriteOutput);
    }

    public GateConfig withBudget(BudgetRule rule) {
        return new GateConfig(command, timeoutMillis, maxOutputBytes, rule, tolerance, jobs, shrinkTime, maxShrinks, outputFolder, workingDirectory, lineMode, maxNumberLength, relativeTolerance, floatEval, overwriteOutput);
    }

    public GateConfig withLineMode(boolean line) {
        return new GateConfig(command, timeoutMillis, maxOutputBytes, budget, tolerance, jobs, shrinkTime, maxShrinks, outputFolder, workingDirectory, line, maxNumberLength, relativeTolerance, floatEval, overwriteOutput);
    }

    public GateConfig withMaxNumberLength(int n) {
        return new GateConfig(command, timeoutMillis, maxOutputBytes, budget, tolerance, jobs, shrinkTime, maxShrinks, outputFolder, workingDirectory, lineMode, n, relativeTolerance, floatEval, overwriteOutput);
    }

    public GateConfig withRelativeTolerance(Rational rtol) {
        return new GateConfig(command, timeoutMillis, maxOutputBytes, budget, tolerance, jobs, shrinkTime, maxShrinks, outputFolder, workingDirectory, lineMode, maxNumberLength, rtol, floatEval, overwriteOutput);
    }

    public GateConfig withFloatEval(Optional<Precision> precision) {
        return new GateConfig(command, timeoutMillis, maxOutputBytes, budget, tolerance, jobs, shrinkTime, maxShrinks, outputFolder, workingDirectory, lineMode, maxNumberLength, relativeTolerance, precision, overwriteOutput);
    }

    /** The implementation this configuration names: its command in line mode or in process mode, with these limits. */
    public Implementation implementation() {
        return lineMode ? new LineImplementation(command, timeoutMillis, maxOutputBytes, workingDirectory, readLimits())
                : new ProcessImplementation(command, timeoutMillis, maxOutputBytes, workingDirectory, readLimits());
    }

    /** Both tolerances, as the judge applies them. */
    public Tolerance tolerances() {
        return new Tolerance(tolerance, relativeTolerance);
    }

    /** The readers' limits for answers: the output size and number length of this configuration. */
    public ReadLimits readLimits() {
        return ReadLimits.DEFAULT.withMaxBytes(maxOutputBytes).withMaxNumberLength(maxNumberLength);
    }

    public GateConfig withJobs(int j) {
        return new GateConfig(command, timeoutMillis, maxOutputBytes, budget, tolerance, j, shrinkTime, maxShrinks, outputFolder, workingDirectory, lineMode, maxNumberLength, relativeTolerance, floatEval, overwriteOutput);
    }
}
