package org.ftc.gate;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.ftc.instance.FineTuneCheck.SampleFailure;
import org.ftc.instance.Instance;
import org.ftc.io.InstanceCodec;
import org.ftc.io.JsonStrings;
import org.ftc.io.NumberWriter;
import org.ftc.io.ReadLimits;

/**
 * A counterexample as a judge vector (spec/vectors.md, "Vectors written by the gate"): a vector
 * file with one case holding the instance, what the implementation did in the form it answers in
 * (its exit status and output, its answer line, or the time-out), the gate's budget and
 * tolerances (absolute, and relative when not zero), and the verdict found. Only cases a judge can replay from the file are written: an
 * output cut at the size limit, or a run with a non-default number length limit, gives none. A
 * vector is a regression case for people to read, so an output over {@link #MAX_OUTPUT_BYTES}
 * gives none either (it stays whole in {@code cases/<name>/output.txt}); quoting a 50 MB answer
 * into a JSON string took several hundred MB of heap per failure.
 */
public final class VectorWriter {
    /** The largest output written into a vector. */
    public static final int MAX_OUTPUT_BYTES = 1 << 20;

    private VectorWriter() {
    }

    /** The vector file's text, or empty when the case cannot be replayed from a file. */
    public static Optional<String> vector(String name, GateConfig config, Implementation.AnswerForm form, Instance instance, Verdict verdict,
            byte[] output) {
        if (config.maxNumberLength() != ReadLimits.DEFAULT.maxNumberLength() || output.length >= config.maxOutputBytes()
                || output.length > MAX_OUTPUT_BYTES) return Optional.empty();
        String behaviour;
        if (verdict.kind() == Verdict.Kind.TIMEOUT) {
            behaviour = "\"outcome\":\"timeout\"";
        } else if (form == Implementation.AnswerForm.ANSWER_LINE) {
            String line = stripNewline(new String(output, StandardCharsets.UTF_8));
            behaviour = verdict.kind() == Verdict.Kind.CRASH && output.length == 0
                    ? "\"outcome\":\"ended\""
                    : "\"answer_line\":" + JsonStrings.quote(line);
            // The answer echoes the id the gate sent with it (a shrink candidate's id is its
            // original's with "~n"); the vector's instance carries that id, so the answer replays
            // against it as it was judged.
            instance = echoedId(line).map(instance::withId).orElse(instance);
        } else {
            if (verdict.exitStatus() < 0 || verdict.exitStatus() > 255) return Optional.empty();
            behaviour = "\"process\":{\"exit_status\":" + verdict.exitStatus() + ",\"stdout\":" + JsonStrings.quote(new String(output, StandardCharsets.UTF_8)) + "}";
        }
        StringBuilder s = new StringBuilder("{\"format\":\"ftc-vectors\",\"version\":1,\"kind\":\"judge\",\"description\":");
        JsonStrings.quote(s, "a counterexample found by the gate for " + config.command());
        s.append(",\"flags\":{},\"numberOfTests\":1,\"tests\":[{\"id\":");
        JsonStrings.quote(s, "gate-" + name);
        s.append(",\"comment\":");
        JsonStrings.quote(s, verdict.line().length() > 300 ? verdict.line().substring(0, 297) + "..." : verdict.line());
        s.append(",\"flags\":[],\"instance\":").append(InstanceCodec.writeCompact(instance)).append(',').append(behaviour);
        s.append(",\"budget\":");
        JsonStrings.quote(s, config.budget().text());
        s.append(",\"tolerance\":\"").append(NumberWriter.format(config.tolerance())).append('"');
        // The relative tolerance too, when the gate had one: without it the case would replay to another verdict.
        if (config.relativeTolerance().signum() != 0) s.append(",\"rtol\":\"").append(NumberWriter.format(config.relativeTolerance())).append('"');
        s.append(",\"expected\":{\"verdict\":\"").append(verdict.kind().label()).append('"');
        if (verdict.kind() == Verdict.Kind.WRONG_VALUE) {
            s.append(",\"failing_samples\":[");
            for (int i = 0; i < verdict.failures().size(); i++) {
                SampleFailure f = verdict.failures().get(i);
                s.append(i > 0 ? "," : "").append(f.index());
            }
            s.append(']');
        }
        return Optional.of(s.append("}}]}\n").toString());
    }

    /** The {@code instance} field of an answer line, when the line is a JSON object that has one as a string. */
    private static Optional<String> echoedId(String line) {
        try {
            com.fasterxml.jackson.databind.JsonNode id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("instance");
            return id != null && id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String stripNewline(String line) {
        String l = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
    }
}
