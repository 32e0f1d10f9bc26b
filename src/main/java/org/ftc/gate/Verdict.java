package org.ftc.gate;

import java.util.List;
import java.util.OptionalLong;
import org.ftc.instance.FineTuneCheck.SampleFailure;
import org.ftc.io.JsonStrings;

/**
 * The gate's judgement of one answer (spec/protocol.md, section 6.5). {@code message} is one readable line;
 * {@code failures} lists the samples that miss (for {@code wrong-value}).
 */
public record Verdict(Kind kind, String message, List<SampleFailure> failures, int neurons, OptionalLong budget,
                      int exitStatus, String stderrTail, long elapsedMillis) {

    public enum Kind {
        PASS("pass"), WRONG_VALUE("wrong-value"), OVER_BUDGET("over-budget"), BAD_OUTPUT("bad-output"), CRASH("crash"),
        TIMEOUT("timeout"), FALSE_INFEASIBLE("false-infeasible"), MISSED_INFEASIBLE("missed-infeasible"),
        /** exit status 4 or status {@code unsupported}: no construction for the depth asked (not shrunk). */
        UNSUPPORTED("unsupported");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Kind fromLabel(String label) {
            for (Kind k : values()) if (k.label.equals(label)) return k;
            throw new IllegalArgumentException("unknown verdict " + label);
        }
    }

    /** The message and standard error tail are kept well formed (no lone surrogate), whatever the implementation wrote. */
    public Verdict {
        failures = List.copyOf(failures);
        message = Text.wellFormed(message);
        stderrTail = stderrTail == null ? "" : Text.wellFormed(stderrTail);
    }

    static Verdict of(Kind kind, String message) {
        return new Verdict(kind, message, List.of(), -1, OptionalLong.empty(), -1, "", 0);
    }

    public boolean passed() {
        return kind == Kind.PASS;
    }

    Verdict withRun(int exitStatus, String stderrTail, long elapsedMillis) {
        return new Verdict(kind, message, failures, neurons, budget, exitStatus, stderrTail, elapsedMillis);
    }

    /** {@code wrong-value: 2 sample(s) miss ...}. */
    public String line() {
        return kind.label() + ": " + message;
    }

    /** A multi-line report naming up to {@code limit} failing samples. */
    public String describe(int limit) {
        StringBuilder s = new StringBuilder(line());
        for (int i = 0; i < Math.min(limit, failures.size()); i++) s.append("\n  ").append(failures.get(i));
        if (failures.size() > limit) s.append("\n  ... and ").append(failures.size() - limit).append(" more");
        if (!stderrTail.isBlank() && kind == Kind.CRASH) s.append("\n  stderr: ").append(stderrTail.strip().replace("\n", "\n          "));
        return s.toString();
    }

    /** The {@code ftc-verdict} version 1 document on one line (docs/formats.md). */
    public String toJson(String instanceId) {
        return toJson(instanceId, null, null);
    }

    /**
     * The same with the gate's identity of the case: {@code case} (unique in a run) and
     * {@code file} (the instance file it was read from), each left out when null.
     */
    public String toJson(String instanceId, String caseName, String file) {
        StringBuilder s = new StringBuilder("{\"format\":\"ftc-verdict\",\"version\":1,\"instance\":");
        JsonStrings.quote(s, Text.wellFormed(instanceId));
        if (caseName != null) JsonStrings.quote(s.append(",\"case\":"), caseName);
        if (file != null) JsonStrings.quote(s.append(",\"file\":"), Text.wellFormed(file));
        s.append(",\"verdict\":\"").append(kind.label()).append("\",\"message\":");
        JsonStrings.quote(s, message);
        if (neurons >= 0) s.append(",\"neurons\":").append(neurons);
        if (budget.isPresent()) s.append(",\"budget\":").append(budget.getAsLong());
        if (exitStatus >= 0) s.append(",\"exit_status\":").append(exitStatus);
        s.append(",\"elapsed_ms\":").append(elapsedMillis);
        if (!failures.isEmpty()) {
            s.append(",\"failures\":[");
            for (int i = 0; i < failures.size(); i++) {
                SampleFailure f = failures.get(i);
                if (i > 0) s.append(',');
                s.append("{\"index\":").append(f.index()).append(",\"changed\":").append(f.changed())
                        .append(",\"wanted\":\"").append(org.ftc.io.NumberWriter.format(f.wanted())).append("\",\"got\":\"").append(org.ftc.io.NumberWriter.format(f.actual())).append("\"}");
            }
            s.append(']');
        }
        if (!stderrTail.isEmpty()) {
            s.append(",\"stderr\":");
            JsonStrings.quote(s, stderrTail);
        }
        return s.append('}').toString();
    }
}
