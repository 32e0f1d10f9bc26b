package org.ftc.spec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.gate.BudgetRule;
import org.ftc.gate.Judge;
import org.ftc.gate.LineImplementation;
import org.ftc.gate.LineResult;
import org.ftc.gate.ProcessImplementation;
import org.ftc.gate.RunResult;
import org.ftc.gate.Verdict;
import org.ftc.instance.FineTuneCheck.SampleFailure;
import org.ftc.instance.Instance;
import org.ftc.instance.Tolerance;
import org.ftc.io.AnswerCodec;
import org.ftc.io.FormatException;
import org.ftc.io.InstanceCodec;
import org.ftc.io.NetworkCodec;
import org.ftc.io.NumberParser;

/**
 * A file of conformance vectors (spec/vectors.md), read as a JSON tree with bare numbers kept
 * exact, and the one way a judge case is run through {@link Judge}: the case's behaviour becomes
 * the {@link org.ftc.gate.Attempt} the gate would have seen, from the {@link RunResult} of process
 * mode or the {@link LineResult} of line mode.
 */
final class VectorFile {
    static final Path FOLDER = Path.of("spec", "vectors");
    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    final Path path;
    final String text;
    final JsonNode root;

    VectorFile(Path path) throws IOException {
        this.path = path;
        this.text = Files.readString(path, StandardCharsets.UTF_8);
        this.root = JSON.readTree(text);
    }

    static VectorFile named(String name) throws IOException {
        return new VectorFile(FOLDER.resolve(name));
    }

    List<JsonNode> tests() {
        List<JsonNode> out = new ArrayList<>();
        root.get("tests").forEach(out::add);
        return out;
    }

    static Instance instance(JsonNode test) throws FormatException {
        return InstanceCodec.DEFAULT.read(test.get("instance").toString());
    }

    /** The verdict the project's judge gives a judge case. */
    static Verdict judge(JsonNode test) throws FormatException {
        Instance instance = instance(test);
        BudgetRule budget = BudgetRule.parse(test.has("budget") ? test.get("budget").asText() : "default");
        Rational tolerance = test.has("tolerance") ? NumberParser.DEFAULT.parse(test.get("tolerance").asText()) : Rational.ZERO;
        Rational rtol = test.has("rtol") ? NumberParser.DEFAULT.parse(test.get("rtol").asText()) : Rational.ZERO;
        Judge judge = new Judge(budget, new Tolerance(tolerance, rtol), java.util.Optional.empty());
        if (test.has("process")) {
            JsonNode p = test.get("process");
            RunResult run = RunResult.exited(p.get("exit_status").asInt(), utf8(p.get("stdout").asText()), "");
            return judge.judge(instance, ProcessImplementation.attempt(instance, run, NetworkCodec.DEFAULT));
        }
        if (test.has("outcome")) {
            String o = test.get("outcome").asText();
            LineResult.Outcome outcome = o.equals("timeout") ? LineResult.Outcome.TIMEOUT : LineResult.Outcome.ENDED;
            return judge.judge(instance, LineImplementation.attempt(instance, new LineResult(outcome, new byte[0], -1, "", 0, 0, 1L << 26), AnswerCodec.DEFAULT));
        }
        String line = test.has("answer_line") ? test.get("answer_line").asText() : test.get("answer").toString();
        return judge.judge(instance, LineImplementation.attempt(instance, new LineResult(LineResult.Outcome.ANSWER, utf8(line), -1, "", 0, 0, 1L << 26),
                AnswerCodec.DEFAULT));
    }

    static List<Integer> failingSamples(Verdict v) {
        List<Integer> out = new ArrayList<>();
        for (SampleFailure f : v.failures()) out.add(f.index());
        return out;
    }

    static List<Integer> expectedFailing(JsonNode test) {
        List<Integer> out = new ArrayList<>();
        JsonNode f = test.get("expected").get("failing_samples");
        if (f != null) f.forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
