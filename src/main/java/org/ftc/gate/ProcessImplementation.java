package org.ftc.gate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ftc.instance.Instance;
import org.ftc.io.FormatException;
import org.ftc.io.InstanceCodec;
import org.ftc.io.NetworkCodec;
import org.ftc.io.ReadLimits;

/**
 * Process mode (spec/protocol.md, section 6.1): the command is started once per instance
 * ({@link ProcessRunner}), the indented instance on its standard input; its exit status says what
 * it answered, and for 0 its standard output is {@code g}.
 */
public final class ProcessImplementation implements Implementation {
    /** Exit status meaning "this instance is infeasible". */
    public static final int INFEASIBLE_EXIT = 3;
    /** Exit status meaning "no construction for this depth" (verdict {@code unsupported}). */
    public static final int UNSUPPORTED_EXIT = 4;

    private final ProcessRunner runner;
    private final NetworkCodec networks;

    /**
     * {@code /bin/sh -c command} in {@code workingDirectory}, each instance with at most
     * {@code timeoutMillis} and {@code maxOutputBytes} of output, the answer read within {@code limits}.
     */
    public ProcessImplementation(String command, long timeoutMillis, long maxOutputBytes, Path workingDirectory, ReadLimits limits) {
        this.runner = new ProcessRunner(command, timeoutMillis, maxOutputBytes, workingDirectory);
        this.networks = new NetworkCodec(limits);
    }

    /** The instance is sent as it is ({@code attemptId} is not needed: every process answers one instance). */
    @Override
    public Attempt answer(Instance instance, String attemptId, long timeoutMillis) {
        ProcessRunner r = timeoutMillis < runner.timeoutMillis() ? runner.withTimeout(timeoutMillis) : runner;
        return attempt(instance, r.run(InstanceCodec.write(instance).getBytes(StandardCharsets.UTF_8)), networks);
    }

    @Override
    public AnswerForm form() {
        return AnswerForm.EXIT_STATUS_AND_DOCUMENT;
    }

    /** What one run amounts to; standard output is read with {@code networks} when the judge asks for {@code g}. */
    public static Attempt attempt(Instance instance, RunResult run, NetworkCodec networks) {
        Attempt.Run r = new Attempt.Run(run.exitStatus(), run.stderrTail(), run.elapsedMillis(), run.stdout());
        if (run.timedOut()) return new Attempt.Failed(Verdict.Kind.TIMEOUT, "no answer within " + run.elapsedMillis() + " ms; the process tree was killed", r);
        if (run.outputTooLarge()) return new Attempt.Failed(Verdict.Kind.BAD_OUTPUT, "output exceeds the limit of " + run.outputLimit() + " bytes", r);
        String stderrEnds = Text.stderrEnds(run.stderrTail());
        switch (run.exitStatus()) {
            case INFEASIBLE_EXIT:
                return new Attempt.Infeasible("exit status 3 (infeasible)", r);
            case UNSUPPORTED_EXIT:
                return new Attempt.Unsupported("exit status 4: no construction for depth " + instance.depth() + stderrEnds, r);
            case 0:
                return new Attempt.Answered("answered exit status 0", () -> read(run.stdout(), networks), r);
            default:
                return new Attempt.Failed(Verdict.Kind.CRASH, "exit status " + run.exitStatus() + stderrEnds, r);
        }
    }

    private static org.ftc.net.Network<org.ftc.arith.Rational> read(byte[] stdout, NetworkCodec networks) throws Attempt.Unreadable {
        try {
            return networks.read(stdout);
        } catch (FormatException e) {
            boolean answerLine = new String(stdout, StandardCharsets.UTF_8).replace(" ", "").contains("\"format\":\"ftc-answer\"");
            throw new Attempt.Unreadable(e.getMessage() + (answerLine ? " (the output is an ftc-answer line: did you mean --line?)" : ""));
        }
    }
}
