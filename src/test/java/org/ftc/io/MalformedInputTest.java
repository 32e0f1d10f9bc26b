package org.ftc.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every malformed document gives one {@link FormatException} whose message names the field. */
class MalformedInputTest {
    private static final String NET_HEAD = "{\"format\":\"ftc-network\",\"version\":1,\"input_dimension\":2,\"layers\":";
    private static final String GOOD_LAYERS = "[{\"weights\":[[\"1\",\"0\"]],\"biases\":[\"0\"]},{\"weights\":[[\"2\"]],\"biases\":[\"0\"]}]";

    private static String networkError(String text) {
        Throwable t = catchThrowable(() -> NetworkCodec.DEFAULT.read(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(t).as(text).isInstanceOf(FormatException.class);
        assertThat(t.getMessage()).doesNotContain("\n");
        return t.getMessage();
    }

    private static String instanceError(String text) {
        Throwable t = catchThrowable(() -> InstanceCodec.DEFAULT.read(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(t).as(text).isInstanceOf(FormatException.class);
        assertThat(t.getMessage()).doesNotContain("\n");
        return t.getMessage();
    }

    private static String instance(String samples, String changes) {
        return "{\"format\":\"ftc-instance\",\"version\":1,\"samples\":" + samples + ",\"changes\":" + changes + ",\"depth\":2}";
    }

    @Test
    void theGoodDocumentIsAccepted() throws FormatException {
        assertThat(NetworkCodec.DEFAULT.read(NET_HEAD + GOOD_LAYERS + "}").neurons()).isEqualTo(1);
    }

    @Test
    void wrongTypesNameThePath() {
        assertThat(networkError(NET_HEAD + "[{\"weights\":[[\"1\",\"0\"]],\"biases\":[\"0\"]},{\"weights\":[[true]],\"biases\":[\"0\"]}]}"))
                .isEqualTo("layers[1].weights[0][0]: expected a number string, got true");
        assertThat(networkError(NET_HEAD + "{}}")).isEqualTo("layers: expected an array, got an object");
        assertThat(networkError(NET_HEAD + "[{\"weights\":[[\"1\",\"x\"]],\"biases\":[\"0\"]}]}"))
                .startsWith("layers[0].weights[0][1]: not a number: \"x\"");
        assertThat(networkError("{\"format\":\"ftc-network\",\"version\":\"1\",\"input_dimension\":2,\"layers\":" + GOOD_LAYERS + "}"))
                .isEqualTo("version: expected an integer, got the string \"1\"");
        assertThat(networkError("{\"format\":\"ftc-instance\",\"version\":1,\"input_dimension\":2,\"layers\":" + GOOD_LAYERS + "}"))
                .isEqualTo("format: expected \"ftc-network\", got \"ftc-instance\"");
        assertThat(networkError("{\"format\":\"ftc-network\",\"version\":2,\"input_dimension\":2,\"layers\":" + GOOD_LAYERS + "}"))
                .startsWith("version: unsupported version 2");
        assertThat(networkError("{\"format\":\"ftc-network\",\"version\":1,\"input_dimension\":0,\"layers\":" + GOOD_LAYERS + "}"))
                .startsWith("input_dimension: integer 0 is out of range");
        assertThat(networkError("[1,2]")).isEqualTo("(document): expected an object, got an array");
    }

    @Test
    void shapesThatDoNotChain() {
        assertThat(networkError(NET_HEAD + "[{\"weights\":[[\"1\"]],\"biases\":[\"0\"]}]}"))
                .isEqualTo("layers[0].weights[0]: has 1 entries, expected 2 (input_dimension)");
        assertThat(networkError(NET_HEAD + "[{\"weights\":[[\"1\",\"0\"]],\"biases\":[\"0\"]},{\"weights\":[[\"2\",\"3\"]],\"biases\":[\"0\"]}]}"))
                .isEqualTo("layers[1].weights[0]: has 2 entries, expected 1 (the width of layers[0])");
        assertThat(networkError(NET_HEAD + "[{\"weights\":[[\"1\",\"0\"]],\"biases\":[\"0\",\"1\"]},{\"weights\":[[\"2\"]],\"biases\":[\"0\"]}]}"))
                .isEqualTo("layers[0].biases: has 2 entries but weights has 1 rows");
        assertThat(networkError(NET_HEAD + "[{\"weights\":[[\"1\",\"0\"],[\"1\",\"1\"]],\"biases\":[\"0\",\"1\"]}]}"))
                .isEqualTo("layers[0].weights: the last layer must have exactly one output row, it has 2");
        assertThat(networkError(NET_HEAD + "[]}")).isEqualTo("layers: a network needs at least one layer");
        assertThat(networkError(NET_HEAD + "[{\"weights\":[[\"1\",\"0\"]]}]}")).isEqualTo("layers[0].biases: missing required field");
    }

    @Test
    void duplicateKeysAndUnknownFields() {
        assertThat(networkError("{\"format\":\"ftc-network\",\"format\":\"ftc-network\"}")).isEqualTo("format: duplicate key \"format\"");
        assertThat(networkError(NET_HEAD + GOOD_LAYERS + ",\"layerz\":1}")).startsWith("layerz: unknown field");
        assertThat(instanceError(instance("[[\"1\"]]", "[]").replace("\"changes\"", "\"chnages\""))).startsWith("chnages: unknown field");
        // "x-" keys are comments.
        assertThat(catchThrowable(() -> NetworkCodec.DEFAULT.read(NET_HEAD + GOOD_LAYERS + ",\"x-comment\":{\"a\":[1]}}"))).isNull();
    }

    @Test
    void instanceErrors() {
        assertThat(instanceError(instance("[[\"1\"],[\"2\"]]", "[{\"index\":1,\"label\":\"3\"},{\"index\":1,\"label\":\"4\"}]")))
                .isEqualTo("changes[1].index: sample 1 is changed twice");
        assertThat(instanceError(instance("[[\"1\"],[\"2\"]]", "[{\"index\":2,\"label\":\"3\"}]")))
                .isEqualTo("changes[0].index: integer 2 is out of range 0..1");
        assertThat(instanceError(instance("[[\"1\"],[\"2\"]]", "[{\"index\":-1,\"label\":\"3\"}]")))
                .isEqualTo("changes[0].index: integer -1 is out of range 0..1");
        assertThat(instanceError(instance("[[\"1\"],[\"2\"]]", "[{\"index\":0}]"))).isEqualTo("changes[0].label: missing required field");
        assertThat(instanceError(instance("[[\"1\"],[\"2\",\"3\"]]", "[]"))).isEqualTo("samples[1]: has 2 coordinates, expected 1 (like samples[0])");
        assertThat(instanceError(instance("[[]]", "[]"))).isEqualTo("samples[0]: a sample needs at least one coordinate");
        assertThat(instanceError(instance("[[\"1\"]]", "[]").replace(",\"depth\":2", ""))).isEqualTo("depth: missing required field");
        assertThat(instanceError(instance("[]", "[{\"index\":0,\"label\":\"1\"}]"))).isEqualTo("changes[0].index: there are no samples to change");
        assertThat(instanceError("{\"format\":\"ftc-instance\",\"version\":1,\"samples\":[[\"1\"]],\"changes\":[],\"depth\":2,"
                + "\"pretrained\":{\"input_dimension\":1,\"layers\":[{\"weights\":[[\"1\"]],\"biases\":[null]}]}}"))
                .isEqualTo("pretrained.layers[0].biases[0]: expected a number string, got null");
        assertThat(instanceError("{\"format\":\"ftc-instance\",\"version\":1,\"samples\":[[\"1\"]],\"changes\":[],\"depth\":2,"
                + "\"pretrained\":{\"input_dimension\":2,\"layers\":[{\"weights\":[[\"1\",\"1\"]],\"biases\":[\"0\"]}]}}"))
                .isEqualTo("pretrained.input_dimension: is 2 but the samples have 1 coordinates");
    }

    @Test
    void limitsAndNonJson() {
        assertThat(networkError("")).isEqualTo("(document): empty input: expected a JSON document");
        assertThat(networkError("  \n ")).isEqualTo("(document): empty input: expected a JSON document");
        assertThat(networkError("hello")).startsWith("(document): not valid JSON");
        assertThat(networkError(NET_HEAD + GOOD_LAYERS + "} trailing")).startsWith("(document): unexpected content after the JSON document");
        assertThat(networkError(NET_HEAD + GOOD_LAYERS + "}{}")).startsWith("(document): unexpected content after the JSON document");
        assertThat(networkError(NET_HEAD + GOOD_LAYERS)).startsWith("(document): not valid JSON");
        assertThat(networkError(NET_HEAD + "[{\"weights\":[[\"1\",\"0\"]],\"biases\":[\"" + "9".repeat(10_001) + "\"]}]}"))
                .isEqualTo("layers[0].biases[0]: number has 10001 characters, more than the limit of 10000");
        assertThat(networkError(NET_HEAD + "[{\"weights\":[[\"1\",\"0\"]],\"biases\":[" + "9".repeat(10_001) + "]}]}"))
                .isEqualTo("layers[0].biases[0]: number has 10001 characters, more than the limit of 10000");
        assertThat(networkError(NET_HEAD + "[{\"weights\":[[\"1\",\"0\"]],\"biases\":[1e999999999]}]}"))
                .startsWith("layers[0].biases[0]: exponent 999999999");
        assertThat(networkError("[".repeat(100_000) + "]".repeat(100_000))).contains("nested deeper than the limit of 64 levels");
        assertThat(networkError(NET_HEAD + GOOD_LAYERS + ",\"x-deep\":" + "[".repeat(70) + "]".repeat(70) + "}"))
                .startsWith("x-deep").contains("nested deeper");
        Throwable t = catchThrowable(() -> NetworkCodec.DEFAULT.read(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0}));
        assertThat(t).isInstanceOf(FormatException.class).hasMessage("(document): not valid UTF-8 text");
    }
}
