package org.ftc.gate;

/**
 * What one run of an implementation produced. {@code exitStatus} is -1 when the process was killed
 * (time limit or output limit).
 */
public record RunResult(int exitStatus, byte[] stdout, String stderrTail, long elapsedMillis, boolean timedOut,
                        boolean outputTooLarge, long outputLimit) {
    public RunResult {
        stdout = stdout.clone();
    }

    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    /** A finished run (for tests and line mode). */
    public static RunResult exited(int status, byte[] stdout, String stderr) {
        return new RunResult(status, stdout, stderr, 0, false, false, Long.MAX_VALUE);
    }
}
