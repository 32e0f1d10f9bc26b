package org.ftc.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ftc.arith.Rational;
import org.ftc.gate.BudgetRule;
import org.ftc.gate.Judge;
import org.ftc.gate.LineImplementation;
import org.ftc.gate.LineResult;
import org.ftc.gate.ProcessImplementation;
import org.ftc.gate.RunResult;
import org.ftc.gate.Verdict;
import org.ftc.instance.Instance;
import org.ftc.io.AnswerCodec;
import org.ftc.io.FormatException;
import org.ftc.io.InstanceCodec;
import org.ftc.io.NetworkCodec;
import org.junit.jupiter.api.Test;

/**
 * The schemas of {@code spec/schemas/} and the strict readers of {@code org.ftc.io} accept and
 * refuse the same documents of a corpus: valid documents, and documents broken in every way a
 * schema can express. The documents only a reader can refuse (spec/protocol.md, section 8) are
 * listed on their own, and the test checks that the schema indeed accepts them and the reader
 * refuses them, so the list stays true.
 */
class SchemaAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schemas SCHEMAS = new Schemas();

    static final String NETWORK = "{\"format\":\"ftc-network\",\"version\":1,\"input_dimension\":2,\"layers\":["
            + "{\"weights\":[[\"1\",\"0\"],[\"0\",\"1\"],[\"1\",\"1\"]],\"biases\":[\"0\",\"-1\",\"2\"]},"
            + "{\"weights\":[[\"1\",\"-2\",\"1/2\"]],\"biases\":[\"0\"]}]}";
    static final String INSTANCE = "{\"format\":\"ftc-instance\",\"version\":1,\"id\":\"example\","
            + "\"samples\":[[\"0\",\"1\"],[\"1/2\",\"3\"],[\"2\",\"-1\"]],"
            + "\"pretrained\":{\"input_dimension\":2,\"layers\":[{\"weights\":[[\"1\",\"1\"]],\"biases\":[\"0\"]}]},"
            + "\"changes\":[{\"index\":1,\"label\":\"5/2\"}],\"depth\":2}";
    static final String ANSWER = "{\"format\":\"ftc-answer\",\"version\":1,\"instance\":\"example\",\"status\":\"network\","
            + "\"network\":{\"input_dimension\":2,\"layers\":[{\"weights\":[],\"biases\":[]},{\"weights\":[[]],\"biases\":[\"0\"]}]}}";

    static final List<String> VALID_NUMBERS = List.of("-12", "+7", "0", "7/3", "-14/6", "0/5", "0.125", "-2.5e-30", "2.", ".5", "1E5", "1e+5",
            "1e00005", "1e10000", "1e-10000", "0x1.8p-3", "0X.8P+1", "-0x10", "0xABCdef", "0x1p-10000", "0x1.p0", "9".repeat(10_000));
    static final List<String> INVALID_NUMBERS = List.of("", " 1", "1 ", "NaN", "nan", "inf", "-Infinity", "1/0", "1/00", "1/-2", "+1/+2", "1e10001",
            "1e-99999", "0x1p10001", "1.2.3", "0x", "0x.p1", "x1", "--1", "1e", "1/2/3", "0x1.8p", ".", "1,5", "1_000", "\u0661", "1/2e3",
            "9".repeat(10_001));

    private record Case(String schema, String document, String why) {
    }

    @Test
    void schemasAndReadersAgreeOnTheCorpus() {
        List<Case> valid = new ArrayList<>();
        List<Case> invalid = new ArrayList<>();
        for (String n : VALID_NUMBERS) valid.add(new Case("ftc-network", weight(JSON.getNodeFactory().textNode(n)), "number " + shorten(n)));
        for (String n : INVALID_NUMBERS) invalid.add(new Case("ftc-network", weight(JSON.getNodeFactory().textNode(n)), "number " + shorten(n)));
        valid.add(new Case("ftc-network", NETWORK.replace("\"1/2\"", "0.5"), "a bare number"));
        valid.add(new Case("ftc-network", NETWORK.replace("\"1/2\"", "-3"), "a bare integer"));
        valid.add(new Case("ftc-network", NETWORK.replace("\"1/2\"", "1e-3"), "a bare number with exponent"));
        invalid.add(new Case("ftc-network", NETWORK.replace("\"1/2\"", "true"), "a boolean weight"));
        invalid.add(new Case("ftc-network", NETWORK.replace("\"1/2\"", "null"), "a null weight"));
        invalid.add(new Case("ftc-network", NETWORK.replace("\"1/2\"", "[\"1\"]"), "an array weight"));

        valid.add(new Case("ftc-network", NETWORK, "the protocol's example"));
        valid.add(new Case("ftc-network", edit(NETWORK, o -> o.put("x-comment", "hello")), "x- key at the top"));
        valid.add(new Case("ftc-network", edit(NETWORK, o -> ((ObjectNode) o.get("layers").get(0)).put("x-note", 1)), "x- key in a layer"));
        valid.add(new Case("ftc-network", "{\"format\":\"ftc-network\",\"version\":1,\"input_dimension\":1,\"layers\":[{\"weights\":[],\"biases\":[]},"
                + "{\"weights\":[[]],\"biases\":[\"0\"]}]}", "a hidden layer of width 0"));
        valid.add(new Case("ftc-network", "{\"format\":\"ftc-network\",\"version\":1,\"input_dimension\":3,\"layers\":[{\"weights\":[[\"1\",\"2\",\"3\"]],\"biases\":[\"4\"]}]}", "one affine layer"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> o.remove("format")), "no format"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> o.remove("version")), "no version"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> o.put("format", "ftc-instance")), "another format"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> o.put("version", 2)), "version 2"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> o.put("version", "1")), "version as a string"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> o.put("input_dimension", 0)), "input_dimension 0"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> o.put("input_dimension", "2")), "input_dimension as a string"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> o.remove("input_dimension")), "no input_dimension"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> o.putArray("layers")), "no layers"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> o.remove("layers")), "layers missing"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> o.put("layers", "x")), "layers not an array"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> o.put("layer", 1)), "an unknown field"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> o.put("X-comment", 1)), "an unknown field, X- in capitals"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> ((ObjectNode) o.get("layers").get(0)).put("activation", "relu")), "an unknown field in a layer"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> ((ObjectNode) o.get("layers").get(0)).remove("biases")), "a layer without biases"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> ((ObjectNode) o.get("layers").get(1)).put("weights", "1")), "weights not an array"));
        invalid.add(new Case("ftc-network", edit(NETWORK, o -> ((ArrayNode) o.get("layers").get(1).get("weights")).set(0, JSON.getNodeFactory().textNode("1"))), "a row not an array"));
        invalid.add(new Case("ftc-network", "[]", "not an object"));
        invalid.add(new Case("ftc-network", "\"ftc-network\"", "a string"));

        valid.add(new Case("ftc-instance", INSTANCE, "the protocol's example"));
        valid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.remove("pretrained")), "no pretrained: f = 0"));
        valid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.putNull("pretrained")), "pretrained null"));
        valid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.putNull("id")), "id null"));
        valid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.remove("id")), "no id"));
        valid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.put("input_dimension", 2)), "input_dimension that agrees"));
        valid.add(new Case("ftc-instance", edit(INSTANCE, o -> ((ObjectNode) o.get("pretrained")).put("format", "ftc-network").put("version", 1)), "pretrained with format"));
        valid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.put("x-why", "test").putArray("changes")), "x- key, no changes"));
        valid.add(new Case("ftc-instance", edit(INSTANCE, o -> ((ObjectNode) o.get("changes").get(0)).put("x-note", "n")), "x- key in a change"));
        valid.add(new Case("ftc-instance", "{\"format\":\"ftc-instance\",\"version\":1,\"samples\":[],\"changes\":[],\"depth\":3,\"input_dimension\":4}", "no samples"));
        valid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.put("depth", 1000)), "depth 1000"));
        valid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.put("depth", 1)), "depth 1"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.remove("samples")), "no samples"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.remove("changes")), "no changes"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.remove("depth")), "no depth"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.remove("format")), "no format"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.put("format", "ftc-network")), "another format"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.put("depth", 0)), "depth 0"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.put("depth", 1001)), "depth 1001"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.put("depth", "2")), "depth as a string"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.put("depth", 2.5)), "depth 2.5"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.set("chnages", o.get("changes"))), "a misspelt field"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> ((ObjectNode) o.get("changes").get(0)).put("weight", "1")), "an unknown field in a change"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> ((ObjectNode) o.get("changes").get(0)).remove("label")), "a change without label"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> ((ObjectNode) o.get("changes").get(0)).put("index", -1)), "index -1"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> ((ObjectNode) o.get("changes").get(0)).put("index", "1")), "index as a string"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> ((ObjectNode) o.get("changes").get(0)).put("label", "NaN")), "label NaN"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.put("id", 5)), "id a number"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.put("input_dimension", 0)), "input_dimension 0"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> ((ArrayNode) o.get("samples")).set(0, JSON.createArrayNode())), "a sample with no coordinates"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> ((ArrayNode) o.get("samples").get(0)).set(0, JSON.getNodeFactory().textNode("1/0"))), "coordinate 1/0"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> ((ObjectNode) o.get("pretrained")).put("format", "ftc-instance")), "pretrained of another format"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> ((ObjectNode) o.get("pretrained")).put("extra", 1)), "an unknown field in pretrained"));
        invalid.add(new Case("ftc-instance", edit(INSTANCE, o -> o.put("pretrained", "f")), "pretrained a string"));

        valid.add(new Case("ftc-answer", ANSWER, "a network answer"));
        valid.add(new Case("ftc-answer", "{\"format\":\"ftc-answer\",\"version\":1,\"status\":\"infeasible\"}", "infeasible"));
        valid.add(new Case("ftc-answer", "{\"format\":\"ftc-answer\",\"version\":1,\"status\":\"error\",\"message\":\"boom\",\"x-served\":6}", "error with message and x- key"));
        invalid.add(new Case("ftc-answer", "{\"format\":\"ftc-answer\",\"version\":1,\"status\":\"network\"}", "status network without a network"));
        invalid.add(new Case("ftc-answer", edit(ANSWER, o -> o.put("status", "infeasible")), "a network with status infeasible"));
        invalid.add(new Case("ftc-answer", edit(ANSWER, o -> o.put("status", "maybe")), "an unknown status"));
        invalid.add(new Case("ftc-answer", edit(ANSWER, o -> o.remove("status")), "no status"));
        invalid.add(new Case("ftc-answer", edit(ANSWER, o -> o.put("instance", 3)), "instance a number"));
        invalid.add(new Case("ftc-answer", edit(ANSWER, o -> o.put("message", false)), "message not a string"));
        invalid.add(new Case("ftc-answer", edit(ANSWER, o -> o.put("answer", 1)), "an unknown field"));
        invalid.add(new Case("ftc-answer", edit(ANSWER, o -> o.put("version", 2)), "version 2"));
        invalid.add(new Case("ftc-answer", edit(ANSWER, o -> ((ObjectNode) o.get("network")).remove("layers")), "a network without layers"));

        List<String> disagreements = new ArrayList<>();
        for (Case c : valid) {
            if (!readerAccepts(c)) disagreements.add("reader refuses valid " + c.schema() + " (" + c.why() + ")");
            if (!SCHEMAS.errors(c.schema(), c.document()).isEmpty()) disagreements.add("schema refuses valid " + c.schema() + " (" + c.why() + "): " + SCHEMAS.errors(c.schema(), c.document()));
        }
        for (Case c : invalid) {
            if (readerAccepts(c)) disagreements.add("reader accepts invalid " + c.schema() + " (" + c.why() + ")");
            if (SCHEMAS.errors(c.schema(), c.document()).isEmpty()) disagreements.add("schema accepts invalid " + c.schema() + " (" + c.why() + ")");
        }
        assertThat(disagreements).isEmpty();
        assertThat(valid.size() + invalid.size()).isGreaterThan(120);
    }

    /** spec/protocol.md, section 8: what only the readers check. Each is accepted by its schema and refused by its reader. */
    @Test
    void whatOnlyTheReadersCheckIsExactlyTheDocumentedList() {
        List<Case> readerOnly = List.of(
                new Case("ftc-network", edit(NETWORK, o -> ((ArrayNode) o.get("layers").get(0).get("weights").get(0)).add("1")), "a row longer than input_dimension"),
                new Case("ftc-network", edit(NETWORK, o -> ((ArrayNode) o.get("layers").get(1).get("weights").get(0)).remove(0)), "a row shorter than the previous width"),
                new Case("ftc-network", edit(NETWORK, o -> ((ArrayNode) o.get("layers").get(0).get("biases")).remove(0)), "fewer biases than rows"),
                new Case("ftc-network", edit(NETWORK, o -> ((ArrayNode) o.get("layers").get(1).get("weights")).add(o.get("layers").get(1).get("weights").get(0).deepCopy())), "two output rows"),
                new Case("ftc-network", NETWORK.replace("\"version\":1,", "\"version\":1,\"version\":1,"), "a duplicate key"),
                new Case("ftc-network", NETWORK.replace("\"version\":1,", "\"version\":1.0,"), "version 1.0 (an integer to JSON Schema, not to the readers)"),
                new Case("ftc-network", NETWORK.replace("\"1/2\"", "1e99999"), "a bare number with an exponent beyond the limit"),
                new Case("ftc-instance", edit(INSTANCE, o -> ((ArrayNode) o.get("samples").get(1)).add("1")), "a sample with another dimension"),
                new Case("ftc-instance", edit(INSTANCE, o -> o.put("input_dimension", 3)), "input_dimension that disagrees"),
                new Case("ftc-instance", edit(INSTANCE, o -> ((ObjectNode) o.get("pretrained")).put("input_dimension", 1)), "pretrained of another dimension"),
                new Case("ftc-instance", edit(INSTANCE, o -> ((ObjectNode) o.get("changes").get(0)).put("index", 3)), "a change index beyond K"),
                new Case("ftc-instance", edit(INSTANCE, o -> ((ArrayNode) o.get("changes")).add(o.get("changes").get(0).deepCopy())), "a sample changed twice"));
        for (Case c : readerOnly) {
            assertThat(SCHEMAS.errors(c.schema(), c.document())).as("schema on " + c.why()).isEmpty();
            assertThat(readerAccepts(c)).as("reader on " + c.why()).isFalse();
        }
    }

    /** The gate's verdicts of every kind satisfy the verdict schema; broken verdicts do not. */
    @Test
    void everyKindOfVerdictTheGateWritesSatisfiesItsSchema() throws Exception {
        Instance feasible = InstanceCodec.DEFAULT.read(INSTANCE);
        Instance infeasible = InstanceCodec.DEFAULT.read(INSTANCE.replace("[\"2\",\"-1\"]", "[\"1/2\",\"3\"]"));
        Judge judge = new Judge(BudgetRule.parse("0"), Rational.ZERO);
        String zero = "{\"format\":\"ftc-network\",\"version\":1,\"input_dimension\":2,\"layers\":[{\"weights\":[],\"biases\":[]},{\"weights\":[[]],\"biases\":[\"0\"]}]}";
        String hat = "{\"format\":\"ftc-network\",\"version\":1,\"input_dimension\":2,\"layers\":[{\"weights\":[[\"0\",\"1\"]],\"biases\":[\"0\"]},{\"weights\":[[\"0\"]],\"biases\":[\"0\"]}]}";
        List<Verdict> verdicts = List.of(
                judge.judge(feasible, ProcessImplementation.attempt(feasible, RunResult.exited(0, zero.getBytes(), ""), NetworkCodec.DEFAULT)),
                judge.judge(feasible, ProcessImplementation.attempt(feasible, RunResult.exited(0, "not json".getBytes(), ""), NetworkCodec.DEFAULT)),
                judge.judge(feasible, ProcessImplementation.attempt(feasible, RunResult.exited(7, new byte[0], "Traceback\nValueError: x\n"), NetworkCodec.DEFAULT)),
                judge.judge(feasible, ProcessImplementation.attempt(feasible, RunResult.exited(3, new byte[0], ""), NetworkCodec.DEFAULT)),
                judge.judge(infeasible, ProcessImplementation.attempt(infeasible, RunResult.exited(3, new byte[0], ""), NetworkCodec.DEFAULT)),
                judge.judge(infeasible, ProcessImplementation.attempt(infeasible, RunResult.exited(0, zero.getBytes(), ""), NetworkCodec.DEFAULT)),
                judge.judge(feasible, ProcessImplementation.attempt(feasible, new RunResult(-1, new byte[0], "", 10_000, true, false, 1 << 20), NetworkCodec.DEFAULT)),
                judge.judge(feasible, LineImplementation.attempt(feasible, new LineResult(LineResult.Outcome.ENDED, new byte[0], 5, "", 3, 2, 1 << 20),
                        AnswerCodec.DEFAULT)),
                new Judge(BudgetRule.parse("0"), Rational.ZERO).judge(feasible.withId("v"),
                        NetworkCodec.DEFAULT.read(hat.replace("[[\"0\"]],\"biases\":[\"0\"]", "[[\"0\"]],\"biases\":[\"0\"]"))));
        List<String> kinds = new ArrayList<>();
        for (Verdict v : verdicts) {
            kinds.add(v.kind().label());
            assertThat(SCHEMAS.errors("ftc-verdict", v.toJson("seed1-0001"))).as(v.toJson("seed1-0001")).isEmpty();
        }
        assertThat(kinds).contains("pass", "wrong-value", "bad-output", "crash", "timeout", "false-infeasible", "missed-infeasible");
        Instance unchanged = InstanceCodec.DEFAULT.read(edit(INSTANCE, o -> o.putArray("changes")));
        Verdict over = judge.judge(unchanged, NetworkCodec.DEFAULT.read(hat));
        assertThat(over.kind()).isEqualTo(Verdict.Kind.OVER_BUDGET);
        assertThat(SCHEMAS.errors("ftc-verdict", over.toJson(""))).isEmpty();
        String good = over.toJson("x");
        assertThat(SCHEMAS.errors("ftc-verdict", good.replace("\"over-budget\"", "\"ok\""))).isNotEmpty();
        assertThat(SCHEMAS.errors("ftc-verdict", good.replace("\"message\":", "\"msg\":"))).isNotEmpty();
        assertThat(SCHEMAS.errors("ftc-verdict", good.replace("\"version\":1", "\"version\":2"))).isNotEmpty();
    }

    private static boolean readerAccepts(Case c) {
        try {
            switch (c.schema()) {
                case "ftc-network": NetworkCodec.DEFAULT.read(c.document()); break;
                case "ftc-instance": InstanceCodec.DEFAULT.read(c.document()); break;
                case "ftc-answer": AnswerCodec.DEFAULT.read(c.document()); break;
                default: throw new IllegalArgumentException(c.schema());
            }
            return true;
        } catch (FormatException e) {
            return false;
        }
    }

    private static String weight(JsonNode w) {
        return edit(NETWORK, o -> ((ArrayNode) o.get("layers").get(1).get("weights").get(0)).set(2, w));
    }

    static String edit(String json, Consumer<ObjectNode> change) {
        try {
            ObjectNode o = (ObjectNode) JSON.readTree(json);
            change.accept(o);
            return JSON.writeValueAsString(o);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 17) + "... (" + s.length() + " chars)" : "\"" + s + "\"";
    }
}
