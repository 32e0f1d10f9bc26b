package org.ftc.gate;

import org.ftc.instance.Instance;
import org.ftc.io.AnswerCodec;
import org.ftc.io.FormatException;

/**
 * What an {@code ftc-answer} line amounts to (spec/protocol.md, sections 6.3 and 6.5): the answer
 * form of line mode, of an in-process JVM implementation (whose answer is written as a line and read
 * back by the strict reader) and of the judge vectors' {@code answer_line}.
 */
public final class AnswerLine {
    private AnswerLine() {
    }

    /**
     * The attempt {@code line} amounts to for {@code instance}: an {@code instance} field, when
     * present, must equal the instance's id. (The gate's line mode also requires it:
     * {@link #echoed}.)
     */
    public static Attempt attempt(Instance instance, byte[] line, AnswerCodec answers, Attempt.Run run) {
        try {
            return attempt(instance, answers.read(line), run);
        } catch (FormatException e) {
            return unreadable(e, run);
        }
    }

    /**
     * The same for the gate's line mode, on a line already read ({@code read}) or that failed to
     * read ({@code unread}, then {@code read} is null): the answer must echo the instance's id, so
     * that an answer is never credited to another instance.
     */
    static Attempt echoed(Instance sent, AnswerCodec.Answer read, FormatException unread, Attempt.Run run) {
        if (unread != null) return unreadable(unread, run);
        if (read.instance().isEmpty()) {
            return new Attempt.Failed(Verdict.Kind.BAD_OUTPUT, "answer line: instance: missing; the gate's line mode needs "
                    + "the instance's id echoed, so that an answer is never credited to another instance", run);
        }
        return attempt(sent, read, run);
    }

    private static Attempt unreadable(FormatException e, Attempt.Run run) {
        return new Attempt.Failed(Verdict.Kind.BAD_OUTPUT, "answer line: " + e.getMessage(), run);
    }

    private static Attempt attempt(Instance instance, AnswerCodec.Answer a, Attempt.Run run) {
        if (a.instance().isPresent() && !a.instance().get().equals(instance.id())) {
            return new Attempt.Failed(Verdict.Kind.BAD_OUTPUT, "answer line: instance: the answer is for \"" + Text.shorten(a.instance().get(), 60)
                    + "\" but the instance sent was \"" + Text.shorten(instance.id(), 60) + "\"", run);
        }
        switch (a.status()) {
            case ERROR:
                return new Attempt.Failed(Verdict.Kind.CRASH, "the implementation answered status error"
                        + (a.message().isEmpty() ? "" : ": " + Text.lastLine(a.message())), run);
            case INFEASIBLE:
                return new Attempt.Infeasible("answered status infeasible", run);
            case UNSUPPORTED:
                return new Attempt.Unsupported("answered status unsupported: no construction for depth " + instance.depth()
                        + (a.message().isEmpty() ? "" : " (" + Text.lastLine(a.message()) + ")"), run);
            case NETWORK:
            default:
                var g = a.network().orElseThrow();
                return new Attempt.Answered("answered a network", () -> g, run);
        }
    }
}
