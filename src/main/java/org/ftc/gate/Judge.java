package org.ftc.gate;

import java.util.List;
import java.util.OptionalLong;
import org.ftc.arith.Rational;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.FloatCheck;
import org.ftc.instance.InfeasibleInstanceException;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.instance.Tolerance;
import org.ftc.io.AnswerCodec;
import org.ftc.io.FormatException;
import org.ftc.io.NetworkCodec;
import org.ftc.net.FloatEvaluation.Precision;
import org.ftc.net.Network;

/**
 * Decides a verdict from an instance and what an implementation did, exactly: the answer's weights
 * are read as exact rationals and {@code f + g} is checked with {@link FineTuneCheck} in
 * {@code Rational} arithmetic; a tolerance, when given, is compared exactly too.
 */
public final class Judge {
    /** Exit status meaning "this instance is infeasible" (spec/protocol.md). */
    public static final int INFEASIBLE_EXIT = 3;
    /** Exit status meaning "no construction for this depth" (verdict {@code unsupported}). */
    public static final int UNSUPPORTED_EXIT = 4;

    private final BudgetRule budget;
    private final Tolerance tolerance;
    private final NetworkCodec networks;
    private final AnswerCodec answers;
    private final java.util.Optional<Precision> floatEval;

    public Judge(BudgetRule budget, Rational tolerance, NetworkCodec networks) {
        this(budget, tolerance, networks, AnswerCodec.DEFAULT);
    }

    public Judge(BudgetRule budget, Rational tolerance, NetworkCodec networks, AnswerCodec answers) {
        this(budget, Tolerance.absolute(tolerance), networks, answers);
    }

    /** With an absolute and a relative tolerance ({@link Tolerance}: {@code |error| <= atol + rtol |wanted|}, exactly). */
    public Judge(BudgetRule budget, Tolerance tolerance, NetworkCodec networks, AnswerCodec answers) {
        this(budget, tolerance, networks, answers, java.util.Optional.empty());
    }

    /** {@code floatEval}: also evaluate every answered {@code f + g} in IEEE arithmetic ({@link FloatCheck}) and add it to the message. */
    public Judge(BudgetRule budget, Tolerance tolerance, NetworkCodec networks, AnswerCodec answers, java.util.Optional<Precision> floatEval) {
        this.floatEval = floatEval;
        this.budget = budget;
        this.tolerance = tolerance;
        this.networks = networks;
        this.answers = answers;
    }

    public BudgetRule budgetRule() {
        return budget;
    }

    public Tolerance tolerance() {
        return tolerance;
    }

    /** Why the instance is infeasible, or empty when it is feasible. */
    public static java.util.Optional<String> infeasibility(Instance instance) {
        try {
            Residuals.of(instance);
            return java.util.Optional.empty();
        } catch (InfeasibleInstanceException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    /** The verdict on one run of an implementation. */
    public Verdict judge(Instance instance, RunResult run) {
        Verdict v = decide(instance, run);
        return v.withRun(run.exitStatus(), run.stderrTail(), run.elapsedMillis());
    }

    private Verdict decide(Instance instance, RunResult run) {
        if (run.timedOut()) return Verdict.of(Verdict.Kind.TIMEOUT, "no answer within " + run.elapsedMillis() + " ms; the process tree was killed");
        if (run.outputTooLarge()) return Verdict.of(Verdict.Kind.BAD_OUTPUT, "output exceeds the limit of " + run.outputLimit() + " bytes");
        java.util.Optional<String> infeasible = infeasibility(instance);
        if (run.exitStatus() == INFEASIBLE_EXIT) return saysInfeasible(infeasible, "exit status 3 (infeasible)");
        if (run.exitStatus() == UNSUPPORTED_EXIT) {
            String last = lastLine(run.stderrTail());
            return Verdict.of(Verdict.Kind.UNSUPPORTED, "exit status 4: no construction for depth " + instance.depth() + (last.isEmpty() ? "" : "; stderr ends: " + last));
        }
        if (run.exitStatus() != 0) {
            String last = lastLine(run.stderrTail());
            return Verdict.of(Verdict.Kind.CRASH, "exit status " + run.exitStatus() + (last.isEmpty() ? "" : "; stderr ends: " + last));
        }
        if (infeasible.isPresent()) {
            return Verdict.of(Verdict.Kind.MISSED_INFEASIBLE, "answered exit status 0 but the instance is infeasible: " + infeasible.get());
        }
        Network<Rational> g;
        try {
            g = networks.read(run.stdout());
        } catch (FormatException e) {
            boolean answerLine = new String(run.stdout(), java.nio.charset.StandardCharsets.UTF_8).replace(" ", "").contains("\"format\":\"ftc-answer\"");
            return Verdict.of(Verdict.Kind.BAD_OUTPUT, e.getMessage() + (answerLine ? " (the output is an ftc-answer line: did you mean --line?)" : ""));
        }
        return judge(instance, g);
    }

    private static Verdict saysInfeasible(java.util.Optional<String> infeasible, String what) {
        return infeasible.isPresent()
                ? Verdict.of(Verdict.Kind.PASS, "correctly reported infeasible (" + infeasible.get() + ")")
                : Verdict.of(Verdict.Kind.FALSE_INFEASIBLE, what + " but the instance is feasible");
    }

    /** The verdict on one exchange in line mode (docs/gate.md, "Line mode"). */
    public Verdict judge(Instance instance, LineResult run) {
        Verdict v = decide(instance, run);
        return v.withRun(run.exitStatus(), run.stderrTail(), run.elapsedMillis());
    }

    private Verdict decide(Instance instance, LineResult run) {
        String restarted = "; a fresh process takes the next instance";
        switch (run.outcome()) {
            case TIMEOUT:
                return Verdict.of(Verdict.Kind.TIMEOUT, "no answer line within " + run.elapsedMillis() + " ms; the process tree was killed" + restarted
                        + (run.served() == 0
                                ? " (a fresh process: the time includes its start, so a slow import needs a larger --timeout-ms; answers must end with a newline and be flushed)"
                                : " (answers must end with a newline and be flushed)"));
            case TOO_LONG:
                return Verdict.of(Verdict.Kind.BAD_OUTPUT, "answer line exceeds the limit of " + run.lineLimit() + " bytes; the process tree was killed" + restarted);
            case ENDED: {
                String last = lastLine(run.stderrTail());
                String how = run.exitStatus() >= 0 ? "exited with status " + run.exitStatus() : "closed its standard output";
                return Verdict.of(Verdict.Kind.CRASH, "the process " + how + " before answering (it had answered " + run.served() + " instance(s))"
                        + (last.isEmpty() ? "" : "; stderr ends: " + last) + restarted);
            }
            case ANSWER:
            default:
                break;
        }
        AnswerCodec.Answer a;
        try {
            a = answers.read(run.line());
        } catch (FormatException e) {
            return Verdict.of(Verdict.Kind.BAD_OUTPUT, "answer line: " + e.getMessage());
        }
        return judgeAnswer(instance, a);
    }

    /**
     * The verdict on an answer line the caller has already read ({@code read}), or failed to read
     * ({@code unread}); {@code run} must be an {@code ANSWER}.
     */
    public Verdict judge(Instance instance, LineResult run, AnswerCodec.Answer read, FormatException unread) {
        if (run.outcome() != LineResult.Outcome.ANSWER) return judge(instance, run);
        // The gate's line mode needs the id echoed (an answer without one could be a late copy of
        // an earlier answer); judging one answer line alone (the spec's vectors) does not.
        Verdict v = unread != null ? Verdict.of(Verdict.Kind.BAD_OUTPUT, "answer line: " + unread.getMessage())
                : read == null ? decide(instance, run)
                : read.instance().isEmpty() ? Verdict.of(Verdict.Kind.BAD_OUTPUT, "answer line: instance: missing; the gate's line mode needs "
                        + "the instance's id echoed, so that an answer is never credited to another instance")
                : judgeAnswer(instance, read);
        return v.withRun(run.exitStatus(), run.stderrTail(), run.elapsedMillis());
    }

    private Verdict judgeAnswer(Instance instance, AnswerCodec.Answer a) {
        if (a.instance().isPresent() && !a.instance().get().equals(instance.id())) {
            return Verdict.of(Verdict.Kind.BAD_OUTPUT, "answer line: instance: the answer is for \"" + shorten(a.instance().get())
                    + "\" but the instance sent was \"" + shorten(instance.id()) + "\"");
        }
        java.util.Optional<String> infeasible = infeasibility(instance);
        switch (a.status()) {
            case ERROR:
                return Verdict.of(Verdict.Kind.CRASH, "the implementation answered status error" + (a.message().isEmpty() ? "" : ": " + lastLine(a.message())));
            case INFEASIBLE:
                return saysInfeasible(infeasible, "answered status infeasible");
            case UNSUPPORTED:
                return Verdict.of(Verdict.Kind.UNSUPPORTED, "answered status unsupported: no construction for depth " + instance.depth()
                        + (a.message().isEmpty() ? "" : " (" + lastLine(a.message()) + ")"));
            case NETWORK:
            default:
                if (infeasible.isPresent()) {
                    return Verdict.of(Verdict.Kind.MISSED_INFEASIBLE, "answered a network but the instance is infeasible: " + infeasible.get());
                }
                return judge(instance, a.network().orElseThrow());
        }
    }

    /**
     * The verdict on a network given directly (the {@code verify} command); the instance must be
     * feasible. With a float evaluation, its worst error follows the exact verdict in the message,
     * with a warning when an exact pass misses in floating point.
     */
    public Verdict judge(Instance instance, Network<Rational> g) {
        Verdict v = exact(instance, g);
        if (floatEval.isEmpty() || g.inputDimension() != instance.dimension()) return v;
        FloatCheck.Report r = FloatCheck.check(instance, g, floatEval.get(), tolerance);
        String warning = v.passed() && r.misses() > 0 ? " (warning: the exact pass misses in " + floatEval.get().label() + ")" : "";
        return new Verdict(v.kind(), v.message() + "; " + r.describe() + warning, v.failures(), v.neurons(), v.budget(), v.exitStatus(),
                v.stderrTail(), v.elapsedMillis());
    }

    private Verdict exact(Instance instance, Network<Rational> g) {
        int n = instance.changeCount();
        OptionalLong b = budget.budget(instance.depth(), n);
        if (g.inputDimension() != instance.dimension()) {
            return new Verdict(Verdict.Kind.BAD_OUTPUT, "network reads input_dimension " + g.inputDimension() + " but the samples have "
                    + instance.dimension() + " coordinates", List.of(), g.neurons(), b, -1, "", 0);
        }
        if (g.depth() != instance.depth()) {
            return new Verdict(Verdict.Kind.BAD_OUTPUT, "network has depth " + g.depth() + " but depth " + instance.depth() + " was asked",
                    List.of(), g.neurons(), b, -1, "", 0);
        }
        FineTuneCheck.Report report = FineTuneCheck.check(instance, g, tolerance);
        if (!report.fineTuned()) {
            String tol = tolerance.isExact() ? "" : " beyond " + tolerance.describe();
            return new Verdict(Verdict.Kind.WRONG_VALUE, report.failures().size() + " of " + instance.sampleCount() + " sample(s) miss their target" + tol
                    + " (max error " + org.ftc.arith.NumberText.of(report.maxError()) + "); first: " + report.failures().get(0), report.failures(), g.neurons(), b, -1, "", 0);
        }
        if (b.isPresent() && g.neurons() > b.getAsLong()) {
            return new Verdict(Verdict.Kind.OVER_BUDGET, g.neurons() + " neurons, budget " + b.getAsLong() + " (N = " + n + ", depth "
                    + instance.depth() + ", rule " + budget + ")", List.of(), g.neurons(), b, -1, "", 0);
        }
        String tol = tolerance.isExact() ? "exactly" : "within " + tolerance.describe() + " (max error " + org.ftc.arith.NumberText.of(report.maxError()) + ")";
        return new Verdict(Verdict.Kind.PASS, "every sample meets its target " + tol + "; " + g.neurons() + " neurons"
                + (b.isPresent() ? " <= budget " + b.getAsLong() : " (no budget)"), List.of(), g.neurons(), b, -1, "", 0);
    }

    private static String shorten(String s) {
        return Text.shorten(s, 60);
    }

    static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        return Text.shorten(last, 200);
    }
}
