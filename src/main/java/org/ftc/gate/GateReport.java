package org.ftc.gate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ftc.instance.Instance;

/** All judged cases of one gate run, with timings. */
public record GateReport(GateConfig config, List<GateCase> cases, long runMillis, long totalMillis) {
    public GateReport {
        cases = List.copyOf(cases);
    }

    public boolean passed() {
        return cases.stream().allMatch(c -> c.verdict().passed());
    }

    public Map<Verdict.Kind, Integer> counts() {
        Map<Verdict.Kind, Integer> counts = new EnumMap<>(Verdict.Kind.class);
        for (GateCase c : cases) counts.merge(c.verdict().kind(), 1, Integer::sum);
        return counts;
    }

    public List<GateCase> failures() {
        return cases.stream().filter(c -> !c.verdict().passed()).toList();
    }

    /** {@code 500 instances: 500 pass (12.3 s, 40.6 instances/s)}. */
    public String summaryLine() {
        StringBuilder s = new StringBuilder(cases.size() + " instance(s): ");
        boolean first = true;
        for (Map.Entry<Verdict.Kind, Integer> e : counts().entrySet()) {
            if (!first) s.append(", ");
            first = false;
            s.append(e.getValue()).append(' ').append(e.getKey().label());
        }
        double seconds = runMillis / 1e3;
        s.append(String.format(" (judged in %.1f s, %.1f instances/s", seconds, cases.size() / Math.max(seconds, 1e-3)));
        if (cases.stream().anyMatch(c -> c.shrunk().isPresent())) s.append(String.format("; %.1f s with shrinking", totalMillis / 1e3));
        return s.append(')').toString();
    }

    /**
     * The last line of standard error when at least two instances were judged and every one
     * crashed with the same standard error (a command that cannot start: a wrong path, a missing
     * interpreter or module), else empty.
     */
    Optional<String> sameCrashEverywhere() {
        if (cases.size() < 2 || !cases.stream().allMatch(c -> c.verdict().kind() == Verdict.Kind.CRASH)) return Optional.empty();
        String err = cases.get(0).verdict().stderrTail().strip();
        if (err.isEmpty() || !cases.stream().allMatch(c -> c.verdict().stderrTail().strip().equals(err))) return Optional.empty();
        String[] lines = err.split("\n");
        return Optional.of(lines[lines.length - 1].strip());
    }

    /** A readable report: the summary, then every shrunk failure with its instance and verdict. */
    public String describe(String replayCommand) {
        StringBuilder s = new StringBuilder(summaryLine());
        sameCrashEverywhere().ifPresent(err -> s.append("\nevery instance crashed with the same standard error (").append(err)
                .append("): the implementation may not start at all; --impl runs in ").append(config.workingDirectory())
                .append(", so a relative path in it is read from there"));
        List<GateCase> failures = failures();
        int listed = 0;
        for (GateCase c : failures) {
            if (c.shrunk().isEmpty()) continue;
            GateCase.Shrunk sh = c.shrunk().get();
            Instance o = c.instance(), m = sh.instance();
            s.append("\n\n").append(c.name()).append(": ").append(c.verdict().kind().label())
                    .append(String.format("%nshrunk from K = %d, N = %d, d = %d to K = %d, N = %d, d = %d in %d tries, %.1f s (%d kept; passes that helped: %s):%n",
                            o.sampleCount(), o.changeCount(), o.dimension(), m.sampleCount(), m.changeCount(), m.dimension(), sh.tries(),
                            sh.millis() / 1e3, sh.steps(), sh.passes()))
                    .append(m).append("\n").append(sh.verdict().describe(6));
            listed++;
        }
        int unshrunk = failures.size() - listed;
        if (unshrunk > 0) {
            s.append("\n\n").append(unshrunk).append(" other failure(s), not shrunk (")
                    .append(config.shrinkTime().isZero() || config.maxShrinks() == 0 ? "shrinking is off"
                            : "the first failure of each verdict kind is shrunk, up to --max-shrinks (" + config.maxShrinks() + "); timeouts never")
                    .append("), first ones:");
            failures.stream().filter(c -> c.shrunk().isEmpty()).limit(5)
                    .forEach(c -> s.append("\n  ").append(c.name()).append(": ").append(c.verdict().line()));
        }
        if (!failures.isEmpty() && replayCommand != null) s.append("\n\nreplay: ").append(replayCommand)
                .append(listed > 0 ? "\n(one counterexample alone: --instances on its file counterexamples/<case>.json)" : "");
        return s.toString();
    }
}
