package org.ftc.gate;

/**
 * What one exchange with a line-mode implementation produced (docs/gate.md, "Line mode").
 *
 * @param outcome       an answer line, or why there is none
 * @param line          the answer line without its newline (empty unless {@code ANSWER})
 * @param exitStatus    the process's exit status when it ended before answering, else -1
 * @param stderrTail    standard error written while this instance was being answered (last 4 KiB)
 * @param elapsedMillis from writing the instance line to the answer (or the failure)
 * @param served        instances this process answered before this one (0: a fresh process)
 * @param lineLimit     the answer line size limit in bytes
 */
public record LineResult(Outcome outcome, byte[] line, int exitStatus, String stderrTail, long elapsedMillis, int served, long lineLimit) {
    public enum Outcome {
        /** One answer line arrived. */
        ANSWER,
        /** No line within the time limit; the process tree was killed. */
        TIMEOUT,
        /** The line grew beyond the limit; the process tree was killed. */
        TOO_LONG,
        /** Standard output ended (the process died or closed it) before a line arrived. */
        ENDED
    }

    public LineResult {
        line = line.clone();
    }

    @Override
    public byte[] line() {
        return line.clone();
    }
}
