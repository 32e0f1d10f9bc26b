package org.ftc.gate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts an implementation command ({@code /bin/sh -c command}) and kills its whole process tree.
 * Killing sends signals through {@link ProcessHandle} only: unlike {@link Process#destroyForcibly()},
 * it never closes the pipes, so the readers still drain what the processes wrote before they died.
 */
final class ProcessTree {
    private ProcessTree() {
    }

    static Process start(String command, Path workingDirectory) throws IOException {
        return new ProcessBuilder(List.of("/bin/sh", "-c", command)).directory(workingDirectory.toFile()).start();
    }

    /** Kills the process and its descendants (collected before the parent dies and they are re-parented). */
    static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.toHandle().destroyForcibly();
        for (ProcessHandle h : descendants) h.destroyForcibly();
    }
}
