package org.ftc.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ftc.arith.Rational;
import org.ftc.gate.BudgetRule;
import org.ftc.gate.Judge;
import org.ftc.gate.Verdict;
import org.ftc.instance.Instance;
import org.ftc.io.NetworkCodec;
import org.ftc.net.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Judge a network for an instance, exactly: pass, or wrong-value (naming the samples, wanted vs got), "
                + "over-budget or bad-output (wrong depth or dimension). Exit 0 on pass, 1 otherwise."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "ftc-instance file ('-' for standard input).")
    String instanceFile;

    @Parameters(index = "1", paramLabel = "NETWORK", description = "ftc-network file with g ('-' for standard input).")
    String networkFile;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "0",
            description = "Absolute tolerance, an exact number such as 1e-9 or 1/1000 (default: ${DEFAULT-VALUE}, exact). "
                    + "Weights are still read exactly and the error is measured exactly.")
    String tolerance;

    @Option(names = "--budget", paramLabel = "RULE", defaultValue = "default",
            description = "Neuron budget: default (3N for depth 2, B3(N) for depth 3), none, a number, or aN+b such as 2N+1 (default: ${DEFAULT-VALUE}).")
    String budget;

    @Option(names = "--max-number-length", paramLabel = "chars", defaultValue = "10000",
            description = "Longest number text accepted in NETWORK (default: ${DEFAULT-VALUE}); raise it for networks whose exact weights are long.")
    int maxNumberLength;

    @Option(names = "--limit", paramLabel = "n", defaultValue = "10", description = "Failing samples to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (instanceFile.equals("-") && networkFile.equals("-")) throw new CliFailure(Ftc.BAD_INPUT, "only one of INSTANCE and NETWORK can be '-'");
            Rational tol = Inputs.number("--tolerance", tolerance);
            if (tol.signum() < 0) throw new CliFailure(Ftc.BAD_INPUT, "--tolerance must be non-negative, got " + tol);
            BudgetRule rule;
            try {
                rule = BudgetRule.parse(budget);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(Ftc.BAD_INPUT, "--budget: " + e.getMessage());
            }
            Instance instance = Inputs.instance(instanceFile, System.in);
            if (maxNumberLength < 1) throw new CliFailure(Ftc.BAD_INPUT, "--max-number-length must be at least 1, got " + maxNumberLength);
            Network<Rational> g = Inputs.network(networkFile, System.in, org.ftc.io.ReadLimits.DEFAULT.withMaxNumberLength(maxNumberLength));
            Optional<String> infeasible = Judge.infeasibility(instance);
            if (infeasible.isPresent()) throw new CliFailure(Ftc.INFEASIBLE, "infeasible instance, no network can pass: " + infeasible.get());
            Verdict v = new Judge(rule, tol, NetworkCodec.DEFAULT).judge(instance, g);
            out.println(v.describe(Math.max(limit, 0)));
            out.flush();
            return v.passed() ? Ftc.OK : Ftc.FAIL;
        } catch (CliFailure e) {
            spec.commandLine().getErr().println("ftc verify: " + e.getMessage());
            return e.status();
        }
    }
}
