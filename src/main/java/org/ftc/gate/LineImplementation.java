package org.ftc.gate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ftc.instance.Instance;
import org.ftc.io.AnswerCodec;
import org.ftc.io.FormatException;
import org.ftc.io.InstanceCodec;
import org.ftc.io.ReadLimits;

/**
 * Line mode (spec/protocol.md, section 6.2; docs/gate.md, "Line mode"): the command is kept running,
 * one process per concurrent caller ({@link LineRunner}), and answers one compact instance line
 * with one {@code ftc-answer} line. Every line sent carries the attempt's id as the instance's id,
 * and the answer must echo it: an answer naming an instance sent earlier means the process is out
 * of step (it is restarted and the instance sent again), so an answer is never credited to another
 * instance.
 */
public final class LineImplementation implements Implementation {
    private final LineRunner lines;
    private final AnswerCodec answers;
    /** Every id sent so far (each is unique in the run). */
    private final Set<String> sentIds = ConcurrentHashMap.newKeySet();

    /**
     * {@code /bin/sh -c command} in {@code workingDirectory}, kept running; each instance with at most
     * {@code timeoutMillis} and an answer line of at most {@code maxLineBytes}, read within {@code limits}.
     */
    public LineImplementation(String command, long timeoutMillis, long maxLineBytes, Path workingDirectory, ReadLimits limits) {
        this.lines = new LineRunner(command, timeoutMillis, maxLineBytes, workingDirectory);
        this.answers = new AnswerCodec(limits);
    }

    /** The processes keep the time limit they were started with, whatever {@code timeoutMillis} asks. */
    @Override
    public Attempt answer(Instance instance, String attemptId, long timeoutMillis) {
        Instance sent = instance.withId(attemptId);
        // The answer is read once: to check it is for this instance, then to judge it.
        AnswerCodec.Answer[] read = new AnswerCodec.Answer[1];
        FormatException[] unread = new FormatException[1];
        sentIds.add(attemptId);
        LineResult r = lines.exchange(InstanceCodec.writeCompact(sent).getBytes(StandardCharsets.UTF_8), line -> {
            try {
                read[0] = answers.read(line);
                unread[0] = null;
            } catch (FormatException e) {
                read[0] = null;
                unread[0] = e;
                return true; // not an answer at all: the judge says so
            }
            // Out of step only when the answer names an instance sent earlier; a missing or
            // unknown id is the judge's to report.
            return read[0].instance().map(id -> id.equals(attemptId) || !sentIds.contains(id)).orElse(true);
        });
        if (r.outcome() != LineResult.Outcome.ANSWER) return attempt(sent, r, answers);
        // The runner tests every answer line it returns, this one last: read[0] or unread[0] is this line's.
        return AnswerLine.echoed(sent, read[0], unread[0], run(r));
    }

    @Override
    public AnswerForm form() {
        return AnswerForm.ANSWER_LINE;
    }

    @Override
    public String timeoutHint() {
        return " In line mode every answer must end with a newline and be flushed.";
    }

    /** Asks the processes to finish (their input is closed) and kills what is left. */
    @Override
    public void close() {
        lines.close();
    }

    /** Processes started so far (restarts included). */
    public int processStarts() {
        return lines.processStarts();
    }

    /**
     * What one exchange amounts to, an answer line read with {@code answers} (whose {@code instance},
     * when present, must equal the instance's id; the gate's own exchanges also require it).
     */
    public static Attempt attempt(Instance instance, LineResult r, AnswerCodec answers) {
        String restarted = "; a fresh process takes the next instance";
        Attempt.Run run = run(r);
        switch (r.outcome()) {
            case TIMEOUT:
                return new Attempt.Failed(Verdict.Kind.TIMEOUT, "no answer line within " + r.elapsedMillis() + " ms; the process tree was killed" + restarted
                        + (r.served() == 0
                                ? " (a fresh process: the time includes its start, so a slow import needs a larger --timeout-ms; answers must end with a newline and be flushed)"
                                : " (answers must end with a newline and be flushed)"), run);
            case TOO_LONG:
                return new Attempt.Failed(Verdict.Kind.BAD_OUTPUT, "answer line exceeds the limit of " + r.lineLimit() + " bytes; the process tree was killed" + restarted, run);
            case ENDED: {
                String how = r.exitStatus() >= 0 ? "exited with status " + r.exitStatus() : "closed its standard output";
                return new Attempt.Failed(Verdict.Kind.CRASH, "the process " + how + " before answering (it had answered " + r.served() + " instance(s))"
                        + Text.stderrEnds(r.stderrTail()) + restarted, run);
            }
            case ANSWER:
            default:
                return AnswerLine.attempt(instance, r.line(), answers, run);
        }
    }

    private static Attempt.Run run(LineResult r) {
        return new Attempt.Run(r.exitStatus(), r.stderrTail(), r.elapsedMillis(), r.line());
    }
}
