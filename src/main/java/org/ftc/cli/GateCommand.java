package org.ftc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ftc.arith.Rational;
import org.ftc.gate.BudgetRule;
import org.ftc.gate.Gate;
import org.ftc.gate.GateConfig;
import org.ftc.gate.GateFiles;
import org.ftc.gate.GateInstances;
import org.ftc.gate.GateOutput;
import org.ftc.gate.GateReport;
import org.ftc.instance.Instance;
import org.ftc.instance.Tolerance;
import org.ftc.io.FormatException;
import org.ftc.net.FloatEvaluation.Precision;
import org.ftc.prop.Gen;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Judge another implementation: run IMPL once per instance (instance JSON on standard input, network JSON "
                + "on standard output; exit 3 means 'infeasible'; with --line once per worker, one JSON line per instance), judge every answer exactly, shrink failures, and write "
                + "results (results.jsonl, junit.xml) and counterexamples into --out.",
                "Instances are generated from --seed, or read from --instances. Exit 0 when every verdict is pass, 1 otherwise, "
                + "2 for bad options or instance files or an --out in use, 5 when a result file cannot be written."})
final class GateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--impl", required = true, paramLabel = "COMMAND",
            description = "The implementation, run as /bin/sh -c COMMAND, e.g. 'python3 examples/t2u_correct.py'.")
    String impl;

    @Option(names = "--instances", paramLabel = "PATH",
            description = "A folder of ftc-instance files (*.json) or one file, instead of generated instances.")
    Path instances;

    @Option(names = "--count", paramLabel = "n", defaultValue = "100", description = "Generated instances (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the generated instances (default: random, printed).")
    Long seed;

    @Option(names = "--depth", paramLabel = "L", defaultValue = "2", description = "Depth asked in generated instances (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--profile", paramLabel = "moderate|adversarial", defaultValue = "adversarial",
            description = "Generated instances: adversarial (magnitudes 1e30/1e-30, near-duplicates, huge labels; default) or moderate "
                    + "(simple fractions, for float implementations with a tolerance).")
    String profile;

    @Option(names = "--eval", paramLabel = "float32|float64",
            description = "Also evaluate every answered f + g in IEEE float32 or float64 (as a float PyTorch model does; docs/python.md) "
                    + "and show the worst error next to each exact verdict; the verdict stays the exact one.")
    String eval;

    @Option(names = "--max-samples", paramLabel = "K", defaultValue = "12", description = "Most samples in a generated instance (default: ${DEFAULT-VALUE}).")
    int maxSamples;

    @Option(names = "--max-dimension", paramLabel = "d", defaultValue = "3", description = "Highest dimension of generated instances (default: ${DEFAULT-VALUE}).")
    int maxDimension;

    @Option(names = "--timeout-ms", paramLabel = "ms", defaultValue = "10000", description = "Time limit per instance; the process tree is killed (default: ${DEFAULT-VALUE}).")
    long timeoutMillis;

    @Option(names = "--max-output-bytes", paramLabel = "bytes", defaultValue = "67108864", description = "Output size limit per instance (default: ${DEFAULT-VALUE}).")
    long maxOutput;




    @Mixin
    JudgeOptions judging;

    @Option(names = "--jobs", paramLabel = "n", description = "Instances run in parallel (default: the number of processors).")
    Integer jobs;

    @Option(names = "--shrink-seconds", paramLabel = "s", defaultValue = "30", description = "Time to shrink one failure; 0 turns shrinking off (default: ${DEFAULT-VALUE}).")
    long shrinkSeconds;

    @Option(names = "--max-shrinks", paramLabel = "n", defaultValue = "3", description = "Failures to shrink, the first of each verdict (default: ${DEFAULT-VALUE}).")
    int maxShrinks;

    @Option(names = "--out", paramLabel = "FOLDER", defaultValue = "gate-out", description = "Results and counterexamples folder, written as verdicts "
            + "are decided; a folder that is not empty is refused unless --overwrite (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--overwrite", description = "--out may hold a previous run: its results, counterexamples, cases and replay.sh are removed first.")
    boolean overwrite;

    @Option(names = "--line", description = "Line mode: start IMPL once per worker and exchange one instance line for one ftc-answer line "
            + "(docs/gate.md); the time and output limits apply per instance, a process that times out or dies is restarted. "
            + "Default: one process per instance.")
    boolean line;

    @Option(names = "--quiet", description = "No progress lines on standard error.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            if (count < 1 || count > 10_000_000) throw new CliFailure(Ftc.BAD_INPUT, "--count must be in 1..10^7, got " + count);
            if (depth < 1 || depth > org.ftc.io.InstanceCodec.MAX_DEPTH) {
                // The range the instance reader accepts: counterexamples must replay.
                throw new CliFailure(Ftc.BAD_INPUT, "--depth must be in 1.." + org.ftc.io.InstanceCodec.MAX_DEPTH + ", got " + depth);
            }
            if (maxSamples < 1 || maxDimension < 1) throw new CliFailure(Ftc.BAD_INPUT, "--max-samples and --max-dimension must be at least 1");
            if (timeoutMillis < 1 || maxOutput < 1) throw new CliFailure(Ftc.BAD_INPUT, "--timeout-ms and --max-output-bytes must be positive");
            if (shrinkSeconds < 0 || maxShrinks < 0) throw new CliFailure(Ftc.BAD_INPUT, "--shrink-seconds and --max-shrinks must be non-negative");
            if (impl.isBlank()) throw new CliFailure(Ftc.BAD_INPUT, "--impl is empty");
            Tolerance tolerances = judging.tolerances();
            Rational tol = tolerances.absolute();
            BudgetRule rule = judging.budget();
            GateInstances.Profile chosen;
            Optional<Precision> precision;
            try {
                chosen = GateInstances.Profile.parse(profile);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(Ftc.BAD_INPUT, "--profile: " + e.getMessage());
            }
            try {
                precision = eval == null ? Optional.empty() : Optional.of(Precision.parse(eval));
            } catch (IllegalArgumentException e) {
                throw new CliFailure(Ftc.BAD_INPUT, "--eval: " + e.getMessage());
            }
            int j = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
            if (j < 1) throw new CliFailure(Ftc.BAD_INPUT, "--jobs must be at least 1, got " + j);
            GateConfig config = new GateConfig(impl, timeoutMillis, maxOutput, rule, tol, j, Duration.ofSeconds(shrinkSeconds), maxShrinks,
                    Optional.of(out), Path.of("").toAbsolutePath(), line, judging.maxNumberLength(), tolerances.relative(), precision, overwrite);
            try {
                GateOutput.refuseIfInUse(out, overwrite); // before the header: a refused run prints only the refusal
            } catch (GateOutput.FolderInUse e) {
                throw new CliFailure(Ftc.BAD_INPUT, "--out " + e.getMessage());
            } catch (GateOutput.WriteFailed e) {
                throw new CliFailure(Ftc.INTERNAL, e.getMessage());
            }
            PrintStream progress = quiet ? new PrintStream(java.io.OutputStream.nullOutputStream()) : System.err;
            List<Gate.Input> inputs;
            Gen<Instance> gen = null;
            if (instances != null) {
                try {
                    inputs = Gate.fromFiles(instances);
                } catch (FormatException e) {
                    throw new CliFailure(Ftc.BAD_INPUT, e.getMessage());
                } catch (IOException e) {
                    throw new CliFailure(Ftc.BAD_INPUT, "cannot read instances: " + e.getMessage());
                }
                stdout.println("gate: " + impl + (line ? " (line mode)" : "") + " on " + inputs.size() + " instance(s) from " + instances);
            } else {
                long s = seed != null ? seed : new java.util.SplittableRandom().nextLong() >>> 1;
                gen = GateInstances.of(chosen, depth, maxSamples, maxDimension);
                inputs = Gate.generated(gen, s, count);
                stdout.println("gate: " + impl + (line ? " (line mode)" : "") + " on " + count + " generated " + chosen.label() + " instance(s), depth " + depth + ", K <= " + maxSamples
                        + ", d <= " + maxDimension + ", seed " + s + " (replay all: --seed " + s + (chosen == GateInstances.Profile.ADVERSARIAL ? "" : " --profile " + chosen.label()) + ")");
            }
            stdout.flush();
            Gate gate = new Gate(config, progress);
            GateReport report;
            try {
                report = gate.run(inputs, gen);
            } catch (GateOutput.FolderInUse e) {
                throw new CliFailure(Ftc.BAD_INPUT, "--out " + e.getMessage());
            } catch (GateOutput.WriteFailed e) {
                throw new CliFailure(Ftc.INTERNAL, e.getMessage());
            }
            stdout.println(report.describe(GateFiles.replayCommand(config, out.resolve("counterexamples"))));
            gate.stopReason().ifPresent(stdout::println);
            stdout.println("results: " + out.resolve("results.jsonl") + ", " + out.resolve("junit.xml"));
            stdout.flush();
            return report.passed() ? Ftc.OK : Ftc.FAIL;
        } catch (CliFailure e) {
            stderr.println("ftc gate: " + e.getMessage());
            return e.status();
        }
    }
}
