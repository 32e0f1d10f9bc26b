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
import picocli.CommandLine.Mixin;
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




    @Mixin
    JudgeOptions judging;

    @Option(names = "--limit", paramLabel = "n", defaultValue = "10", description = "Failing samples to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (instanceFile.equals("-") && networkFile.equals("-")) throw new CliFailure(Ftc.BAD_INPUT, "only one of INSTANCE and NETWORK can be '-'");
            Rational tol = judging.tolerance();
            BudgetRule rule = judging.budget();
            Instance instance = Inputs.instance(instanceFile, System.in);
            Network<Rational> g = Inputs.network(networkFile, System.in, judging.networkLimits());
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
