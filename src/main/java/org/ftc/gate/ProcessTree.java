package org.ftc.gate;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts an implementation command and kills everything it started (docs/gate.md, "Processes").
 *
 * <p>The command runs as {@code setsid /bin/sh -c command} when {@code setsid} is installed, so the
 * shell leads a new process group, and every process it starts belongs to that group unless it
 * leaves it on purpose (with {@code setsid} of its own). Killing takes the descendants collected
 * while the parent is alive, then, on Linux, every process still in the group: a grandchild that
 * outlived its parent (and was re-parented, so it is no longer anyone's descendant) is found by its
 * group. Signals go through {@link ProcessHandle} only: unlike {@link Process#destroyForcibly()}
 * that never closes the pipes, so the readers still drain what the processes wrote before dying.
 */
final class ProcessTree {
    private static final Path PROC = Path.of("/proc");
    private static final String SETSID = findSetsid();
    /** Started and not yet killed: a gate stopped by SIGTERM or Ctrl-C kills them on its way out. */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Set (before any kill) when the JVM begins to shut down: verdicts decided from then on may be the shutdown's doing. */
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            for (Process p : List.copyOf(LIVE)) kill(p);
        }, "gate-kill-implementations"));
    }

    /**
     * Whether the JVM is shutting down (SIGTERM, Ctrl-C). The hook then kills the implementations,
     * so a worker still running sees its process die and would call that a crash: such a verdict
     * is the gate's doing, not the implementation's, and must not be recorded (GateOutput).
     */
    static boolean stopping() {
        return stopping;
    }

    private ProcessTree() {
    }

    private static String findSetsid() {
        for (String p : List.of("/usr/bin/setsid", "/bin/setsid")) if (Files.isExecutable(Path.of(p))) return p;
        return null;
    }

    /** True when started processes lead their own process group, so leftovers are found by group. */
    static boolean groupsProcesses() {
        return SETSID != null && Files.isDirectory(PROC.resolve("self"));
    }

    static Process start(String command, Path workingDirectory) throws IOException {
        List<String> argv = new ArrayList<>();
        // A process started by the JVM is never a group leader, so setsid makes it one in place
        // (same pid, no fork): the group id is the pid the JVM knows.
        if (groupsProcesses()) argv.add(SETSID);
        argv.addAll(List.of("/bin/sh", "-c", command));
        Process p = new ProcessBuilder(argv).directory(workingDirectory.toFile()).start();
        LIVE.add(p);
        return p;
    }

    /** Kills the process, its descendants (collected before the parent dies) and what is left of its group. */
    static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.toHandle().destroyForcibly();
        for (ProcessHandle h : descendants) h.destroyForcibly();
        killGroup(process);
        LIVE.remove(process);
    }

    /**
     * Kills every process still in the group the process led (on Linux with {@code setsid}); a few
     * rounds, in case a member forks while it is being killed.
     */
    static void killGroup(Process process) {
        if (!groupsProcesses()) return;
        for (int round = 0; round < 10; round++) {
            List<ProcessHandle> left = group(process.pid());
            if (left.isEmpty()) return;
            for (ProcessHandle h : left) h.destroyForcibly();
        }
    }

    /** The live (not zombie) processes whose process group is {@code pgid}, read from {@code /proc}. */
    static List<ProcessHandle> group(long pgid) {
        List<ProcessHandle> members = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, p -> isNumber(p.getFileName().toString()))) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                if (pid == self) continue;
                String stat;
                try {
                    stat = Files.readString(entry.resolve("stat"));
                } catch (IOException | RuntimeException gone) {
                    continue; // the process ended meanwhile
                }
                // pid (comm) state ppid pgrp ...; comm may hold spaces and parentheses.
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                if (f.length < 3 || f[0].equals("Z") || f[0].equals("X")) continue;
                if (Long.parseLong(f[2]) == pgid) ProcessHandle.of(pid).ifPresent(members::add);
            }
        } catch (IOException e) {
            return members;
        }
        return members;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }
}
