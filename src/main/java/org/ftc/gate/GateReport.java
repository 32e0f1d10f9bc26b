package org.ftc.gate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
        if (totalMillis > runMillis + 50) s.append(String.format("; %.1f s with shrinking", totalMillis / 1e3));
        return s.append(')').toString();
    }

    /** A readable report: the summary, then every shrunk failure with its instance and verdict. */
    public String describe(String replayCommand) {
        StringBuilder s = new StringBuilder(summaryLine());
        List<GateCase> failures = failures();
        int listed = 0;
        for (GateCase c : failures) {
            if (c.shrunk().isEmpty()) continue;
            GateCase.Shrunk sh = c.shrunk().get();
            s.append("\n\n").append(c.name()).append(": ").append(c.verdict().kind().label())
                    .append(" (K = ").append(c.instance().sampleCount()).append(", N = ").append(c.instance().changeCount()).append(")")
                    .append("\nshrunk in ").append(sh.millis()).append(" ms").append(sh.steps() >= 0 ? " (" + sh.steps() + " steps)" : "")
                    .append(" to ").append(sh.instance()).append("\n").append(sh.verdict().describe(6));
            listed++;
        }
        int unshrunk = failures.size() - listed;
        if (unshrunk > 0) {
            s.append("\n\n").append(unshrunk).append(" other failure(s), first ones:");
            failures.stream().filter(c -> c.shrunk().isEmpty()).limit(5)
                    .forEach(c -> s.append("\n  ").append(c.name()).append(": ").append(c.verdict().line()));
        }
        if (!failures.isEmpty() && replayCommand != null) s.append("\n\nreplay: ").append(replayCommand);
        return s.toString();
    }
}
