package org.ftc.gate;

/**
 * What one run of an implementation produced. {@code exitStatus} is -1 when the process was killed
 * (time limit or output limit). Standard output is not copied (up to the output limit, 64 MB by
 * default: every copy would be heap the gate does not bound): the array is handed over, and no one
 * writes to it.
 */
public record RunResult(int exitStatus, byte[] stdout, String stderrTail, long elapsedMillis, boolean timedOut,
                        boolean outputTooLarge, long outputLimit) {
    public RunResult {
        java.util.Objects.requireNonNull(stdout, "stdout");
    }

    /** A finished run (for tests and line mode). */
    public static RunResult exited(int status, byte[] stdout, String stderr) {
        return new RunResult(status, stdout, stderr, 0, false, false, Long.MAX_VALUE);
    }
}
