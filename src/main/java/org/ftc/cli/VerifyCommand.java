package org.ftc.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ftc.arith.Rational;
import org.ftc.gate.BudgetRule;
import org.ftc.gate.Judge;
import org.ftc.gate.Verdict;
import org.ftc.instance.FloatCheck;
import org.ftc.instance.Instance;
import org.ftc.instance.Tolerance;
import org.ftc.net.FloatEvaluation.Precision;
import org.ftc.net.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Judge a network for an instance, exactly: pass, or wrong-value (naming the samples, wanted vs got), "
                + "over-budget or bad-output (wrong depth or dimension). Exit 0 on pass, 1 otherwise.",
                "--eval float32|float64 also evaluates f + g in IEEE arithmetic, as a float PyTorch model does, and reports the worst error; "
                        + "the exit status stays the exact verdict's."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "ftc-instance file ('-' for standard input).")
    String instanceFile;

    @Parameters(index = "1", paramLabel = "NETWORK", description = "ftc-network file with g ('-' for standard input).")
    String networkFile;

    @Mixin
    JudgeOptions judging;

    @Option(names = "--limit", paramLabel = "n", defaultValue = "10", description = "Failing samples to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--depth", paramLabel = "L", description = "Judge g as an answer for depth L instead of the instance's depth field.")
    Integer depth;

    @Option(names = "--eval", paramLabel = "float32|float64",
            description = "Also evaluate f + g in IEEE float32 or float64, layer by layer, each weight and input rounded to nearest, "
                    + "sums left to right without fused multiply-add (docs/python.md); report the worst error and warn when an exact pass misses in floating point.")
    String eval;

    @Option(names = "--timings", description = "Print each phase's wall time on standard error (reading, feasibility, judging).")
    boolean timings;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (instanceFile.equals("-") && networkFile.equals("-")) throw new CliFailure(Ftc.BAD_INPUT, "only one of INSTANCE and NETWORK can be '-'");
            Tolerance tol = judging.tolerances();
            BudgetRule rule = judging.budget();
            Optional<Precision> precision = Optional.empty();
            if (eval != null) {
                try {
                    precision = Optional.of(Precision.parse(eval));
                } catch (IllegalArgumentException e) {
                    throw new CliFailure(Ftc.BAD_INPUT, "--eval: " + e.getMessage());
                }
            }
            if (depth != null && (depth < 1 || depth > 1000)) throw new CliFailure(Ftc.BAD_INPUT, "--depth must be in 1..1000, got " + depth);
            Timings time = new Timings(err, "verify", timings);
            Instance instance = readInstance();
            if (depth != null) instance = instance.withDepth(depth);
            time.ended("read the instance: " + instance.sampleCount() + " samples, d = " + instance.dimension() + ", N = " + instance.changes().size());
            Network<Rational> g = Inputs.network(networkFile, System.in, judging.networkLimits());
            time.ended("read g: depth " + g.depth() + ", " + g.neurons() + " neurons");
            Optional<String> infeasible = Judge.infeasibility(instance);
            if (infeasible.isPresent()) throw new CliFailure(Ftc.INFEASIBLE, "infeasible instance, no network can pass: " + infeasible.get());
            time.ended("checked feasibility (f at the changed samples, repeated samples)");
            Verdict v = new Judge(rule, tol, Optional.empty()).judge(instance, g);
            time.ended("judged (g at every sample, exactly)");
            out.println(v.describe(Math.max(limit, 0)));
            if (precision.isPresent() && g.inputDimension() == instance.dimension()) {
                FloatCheck.Report r = FloatCheck.check(instance, g, precision.get(), tol);
                out.println(r.describe());
                if (v.passed() && r.misses() > 0) {
                    out.println("warning: an exact pass, but in " + precision.get().label() + " " + r.misses() + " sample(s) miss the "
                            + (tol.isExact() ? "targets (give --tolerance/--rtol for what a float model may miss by)" : tol.describe()));
                }
            }
            out.flush();
            time.total();
            return v.passed() ? Ftc.OK : Ftc.FAIL;
        } catch (CliFailure e) {
            err.println("ftc verify: " + e.getMessage());
            return e.status();
        }
    }

    /** The instance, with a hint when the two files were given the other way round. */
    private Instance readInstance() throws CliFailure {
        try {
            return Inputs.instance(instanceFile, System.in);
        } catch (CliFailure e) {
            if (!instanceFile.equals("-") && readsAsNetwork(instanceFile)) {
                throw new CliFailure(e.status(), e.getMessage() + " (the files seem to be in the wrong order: ftc verify INSTANCE NETWORK)");
            }
            throw e;
        }
    }

    private boolean readsAsNetwork(String file) {
        try {
            Inputs.network(file, System.in, judging.networkLimits());
            return true;
        } catch (CliFailure e) {
            return false;
        }
    }
}
