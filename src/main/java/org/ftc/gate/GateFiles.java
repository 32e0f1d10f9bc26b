package org.ftc.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ftc.io.InstanceCodec;

/**
 * The gate's files (docs/gate.md): {@code results.jsonl} (one {@code ftc-verdict} per instance),
 * {@code junit.xml} (one test case per instance), and for every failure
 * {@code counterexamples/<id>.json} (the shrunk instance, or the original when not shrunk) with
 * {@code cases/<id>/} holding {@code original.json}, {@code output.txt} (the implementation's
 * answer to the counterexample), {@code verdict.json}; {@code replay.sh} holds the command.
 */
public final class GateFiles {
    private GateFiles() {
    }

    public static void write(Path folder, GateReport report) throws IOException {
        Files.createDirectories(folder);
        StringBuilder jsonl = new StringBuilder();
        for (GateCase c : report.cases()) jsonl.append(c.verdict().toJson(c.id())).append('\n');
        Files.writeString(folder.resolve("results.jsonl"), jsonl);
        Files.writeString(folder.resolve("junit.xml"), junit(report));
        List<GateCase> failures = report.failures();
        Path examples = folder.resolve("counterexamples");
        if (!failures.isEmpty()) {
            Files.createDirectories(examples);
            for (GateCase c : failures) {
                String name = safe(c.id());
                Path dir = Files.createDirectories(folder.resolve("cases").resolve(name));
                Files.writeString(dir.resolve("original.json"), InstanceCodec.write(c.instance()));
                if (c.shrunk().isPresent()) {
                    GateCase.Shrunk s = c.shrunk().get();
                    Files.writeString(examples.resolve(name + ".json"), InstanceCodec.write(s.instance()));
                    Files.write(dir.resolve("output.txt"), s.output());
                    Files.writeString(dir.resolve("verdict.json"), s.verdict().toJson(s.instance().id()) + "\n");
                    Files.write(dir.resolve("original-output.txt"), c.output());
                } else {
                    Files.writeString(examples.resolve(name + ".json"), InstanceCodec.write(c.instance()));
                    Files.write(dir.resolve("output.txt"), c.output());
                    Files.writeString(dir.resolve("verdict.json"), c.verdict().toJson(c.id()) + "\n");
                }
            }
            Files.writeString(folder.resolve("replay.sh"), "#!/bin/sh\n" + replayCommand(report.config(), examples) + "\n");
        }
    }

    /** The one-line command that judges the counterexamples again with the same settings. */
    public static String replayCommand(GateConfig config, Path counterexamples) {
        List<String> parts = new ArrayList<>(List.of("./ftc", "gate", "--impl", shellQuote(config.command()), "--instances", shellQuote(counterexamples.toString())));
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
            s.append("  <testcase classname=\"ftc.gate\" name=\"").append(xml(c.id())).append("\" time=\"").append(v.elapsedMillis() / 1e3).append('"');
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
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<': s.append("&lt;"); break;
                case '>': s.append("&gt;"); break;
                case '&': s.append("&amp;"); break;
                case '"': s.append("&quot;"); break;
                default:
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') s.append('?');
                    else s.append(c);
            }
        }
        return s.toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
