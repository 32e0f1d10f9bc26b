package org.ftc.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The gate's files and what they hold (docs/gate.md, "Files"); {@link GateOutput} writes them as a
 * run goes on. {@code results.jsonl}: one {@code ftc-verdict} per instance, naming the case (and
 * the file it came from), then one {@code ftc-gate-summary} line when the run is complete;
 * {@code junit.xml}: one test case per instance; for every failure {@code counterexamples/<case>.json}
 * (the shrunk instance, or the original when not shrunk) and {@code cases/<case>/} with
 * {@code original.json}, {@code output.txt} (the implementation's answer to the counterexample),
 * {@code verdict.json}; {@code replay.sh} holds the command. {@code <case>} is the case name, unique
 * in the run.
 */
public final class GateFiles {
    static final String RESULTS = "results.jsonl";
    static final String JUNIT = "junit.xml";
    static final String REPLAY = "replay.sh";
    /** Set by the {@code ftc} launcher to its own path: the replay command then runs the same launcher from anywhere. */
    static final String LAUNCHER = "ftc.launcher";
    static final String COUNTEREXAMPLES = "counterexamples";
    static final String CASES = "cases";

    private GateFiles() {
    }

    /** The {@code results.jsonl} line of a case: its verdict, with the case name and the file it came from. */
    static String resultLine(GateCase c) {
        return verdictLine(c.verdict(), c.instance().id(), c);
    }

    static String verdictLine(Verdict v, String instanceId, GateCase c) {
        return v.toJson(instanceId, c.name(), c.file().map(Path::toString).orElse(null));
    }

    /** The line that ends the {@code results.jsonl} of a complete run. */
    static String summaryLine(GateReport report) {
        StringBuilder s = new StringBuilder("{\"format\":\"ftc-gate-summary\",\"version\":1,\"complete\":true,\"instances\":")
                .append(report.cases().size()).append(",\"counts\":{");
        boolean first = true;
        for (var e : report.counts().entrySet()) {
            if (!first) s.append(',');
            first = false;
            s.append('"').append(e.getKey().label()).append("\":").append(e.getValue());
        }
        return s.append("},\"elapsed_ms\":").append(report.totalMillis()).append('}').toString();
    }

    /** Writes to a temporary name in the same folder, then renames: the file is whole or absent (or its old self). */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** {@code source} copied to {@code file} through a temporary name in the same folder, then renamed. */
    static void copyAtomically(Path source, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The one-line command that judges the counterexamples again with the same settings; its
     * results go to a folder of their own beside the run's ({@code <out>-replay}, replaced each time).
     */
    public static String replayCommand(GateConfig config, Path counterexamples) {
        List<String> parts = new ArrayList<>(List.of(shellQuote(System.getProperty(LAUNCHER, "./ftc")), "gate", "--impl", shellQuote(config.command()), "--instances", shellQuote(counterexamples.toString())));
        Path runFolder = counterexamples.getParent() == null ? Path.of("gate-out") : counterexamples.getParent();
        parts.addAll(List.of("--out", shellQuote(runFolder + "-replay"), "--overwrite"));
        if (config.lineMode()) parts.add("--line");
        if (!config.budget().equals(BudgetRule.DEFAULT)) parts.addAll(List.of("--budget", shellQuote(config.budget().text())));
        if (!config.tolerance().isZero()) parts.addAll(List.of("--tolerance", shellQuote(org.ftc.io.NumberWriter.format(config.tolerance()))));
        if (config.relativeTolerance().signum() != 0) parts.addAll(List.of("--rtol", shellQuote(org.ftc.io.NumberWriter.format(config.relativeTolerance()))));
        config.floatEval().ifPresent(p -> parts.addAll(List.of("--eval", p.label())));
        if (config.timeoutMillis() != GateConfig.DEFAULT_TIMEOUT_MILLIS) parts.addAll(List.of("--timeout-ms", Long.toString(config.timeoutMillis())));
        if (config.maxNumberLength() != org.ftc.io.ReadLimits.DEFAULT.maxNumberLength()) parts.addAll(List.of("--max-number-length", Integer.toString(config.maxNumberLength())));
        if (config.maxOutputBytes() != GateConfig.DEFAULT_MAX_OUTPUT) parts.addAll(List.of("--max-output-bytes", Long.toString(config.maxOutputBytes())));
        return String.join(" ", parts);
    }

    /**
     * {@code replay.sh}: the replay command, run from the folder the gate ran in, so that the
     * script works from any directory ({@code sh gate-out/replay.sh}, or from the folder itself)
     * while the implementation's command and the paths keep the meaning they had for the gate.
     */
    static String replayScript(GateConfig config, Path counterexamples, Path workingDirectory) {
        return "#!/bin/sh\n# Judges this run's counterexamples again with the same settings (docs/gate.md); runs from any directory.\n"
                + "cd " + shellQuote(workingDirectory.toAbsolutePath().toString()) + " || exit 2\n"
                + replayCommand(config, counterexamples) + "\n";
    }

    static String shellQuote(String s) {
        if (s.matches("[A-Za-z0-9_./:=+-]+")) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }

    static String safe(String id) {
        String s = id.replaceAll("[^A-Za-z0-9_.-]", "_");
        return s.isEmpty() ? "instance" : s;
    }

    static String junit(GateReport report) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long failures = report.cases().stream().filter(c -> !c.verdict().passed() && !isError(c.verdict())).count();
        long errors = report.cases().stream().filter(c -> isError(c.verdict())).count();
        s.append("<testsuite name=\"ftc-gate\" tests=\"").append(report.cases().size()).append("\" failures=\"").append(failures)
                .append("\" errors=\"").append(errors).append("\" time=\"").append(report.runMillis() / 1e3).append("\">\n");
        s.append("  <properties><property name=\"impl\" value=\"").append(xml(report.config().command())).append("\"/></properties>\n");
        for (GateCase c : report.cases()) {
            Verdict v = c.verdict();
            s.append("  <testcase classname=\"ftc.gate\" name=\"").append(xml(c.name())).append("\" time=\"").append(v.elapsedMillis() / 1e3).append('"');
            if (v.passed()) {
                s.append("/>\n");
                continue;
            }
            String tag = isError(v) ? "error" : "failure";
            s.append(">\n    <").append(tag).append(" type=\"").append(v.kind().label()).append("\" message=\"").append(xml(v.message())).append("\">")
                    .append(xml(v.describe(20))).append("</").append(tag).append(">\n  </testcase>\n");
        }
        return s.append("</testsuite>\n").toString();
    }

    /** A crash or a timeout is an error of the run, the other verdicts are failures of the answer. */
    private static boolean isError(Verdict v) {
        return v.kind() == Verdict.Kind.CRASH || v.kind() == Verdict.Kind.TIMEOUT;
    }

    static String xml(String text) {
        return Text.xml(text);
    }

    /** UTF-8 of {@code s}; a lone surrogate (which has none) becomes U+FFFD. */
    static byte[] utf8(String s) {
        return Text.wellFormed(s).getBytes(StandardCharsets.UTF_8);
    }
}
