package org.ftc.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.ftc.arith.Rational;
import org.ftc.instance.Instance;
import org.ftc.net.Network;
import org.junit.jupiter.api.Test;

class CodecTest {
    static final String PROTOCOL_NETWORK = "{ \"format\": \"ftc-network\", \"version\": 1, \"input_dimension\": 2,\n"
            + "  \"layers\": [\n"
            + "    { \"weights\": [[\"1\", \"0\"], [\"0\", \"1\"], [\"1\", \"1\"]], \"biases\": [\"0\", \"-1\", \"2\"] },\n"
            + "    { \"weights\": [[\"1\", \"-2\", \"1/2\"]], \"biases\": [\"0\"] } ] }";
    static final String PROTOCOL_INSTANCE = "{ \"format\": \"ftc-instance\", \"version\": 1, \"id\": \"optional name\",\n"
            + "  \"samples\": [[\"0\", \"1\"], [\"1/2\", \"3\"], [\"2\", \"-1\"]],\n"
            + "  \"pretrained\": { \"format\": \"ftc-network\", \"version\": 1, \"input_dimension\": 2,\n"
            + "                  \"layers\": [ { \"weights\": [[\"1\", \"1\"]], \"biases\": [\"0\"] } ] },\n"
            + "  \"changes\": [ { \"index\": 1, \"label\": \"5/2\" } ],\n"
            + "  \"depth\": 2 }";

    @Test
    void readsTheProtocolNetwork() throws FormatException {
        Network<Rational> g = NetworkCodec.DEFAULT.read(PROTOCOL_NETWORK);
        assertThat(g.depth()).isEqualTo(2);
        assertThat(g.neurons()).isEqualTo(3);
        // At x = (1, 2): hidden = relu(1), relu(2 - 1), relu(1 + 2 + 2) = 1, 1, 5; out = 1 - 2 + 5/2 = 3/2.
        assertThat(g.evaluate(new Rational[] {Rational.ONE, Rational.TWO})).isEqualTo(Rational.of(3, 2));
    }

    @Test
    void readsTheProtocolInstance() throws FormatException {
        Instance inst = InstanceCodec.DEFAULT.read(PROTOCOL_INSTANCE);
        assertThat(inst.id()).isEqualTo("optional name");
        assertThat(inst.dimension()).isEqualTo(2);
        assertThat(inst.sampleCount()).isEqualTo(3);
        assertThat(inst.sample(1)).containsExactly(Rational.of(1, 2), Rational.of(3));
        assertThat(inst.changes()).isEqualTo(Map.of(1, Rational.of(5, 2)));
        assertThat(inst.depth()).isEqualTo(2);
        // f(x) = x1 + x2 (one layer): f(2, -1) = 1.
        assertThat(inst.pretrained().evaluate(inst.sample(2))).isEqualTo(Rational.ONE);
    }

    @Test
    void bareJsonNumbersAreReadFromTheirText() throws FormatException {
        // 0.1 must be exactly 1/10 (never the double 0.1); 1e400 overflows a double.
        Network<Rational> g = NetworkCodec.DEFAULT.read("{\"format\":\"ftc-network\",\"version\":1,\"input_dimension\":1,"
                + "\"layers\":[{\"weights\":[[0.1]],\"biases\":[1e400]}]}");
        assertThat(g.layer(0).weight(0, 0)).isEqualTo(Rational.of(1, 10));
        assertThat(g.layer(0).bias(0)).isEqualTo(Rational.of(java.math.BigInteger.TEN.pow(400)));
    }

    @Test
    void writersAreCanonicalAndRoundTrip() throws FormatException {
        Instance inst = InstanceCodec.DEFAULT.read(PROTOCOL_INSTANCE);
        String text = InstanceCodec.write(inst);
        assertThat(text).contains("[\"1/2\", \"3\"]").contains("\"label\": \"5/2\"");
        Instance back = InstanceCodec.DEFAULT.read(text);
        assertThat(InstanceCodec.write(back)).isEqualTo(text);
        assertThat(InstanceCodec.DEFAULT.read(InstanceCodec.writeCompact(inst)).changes()).isEqualTo(inst.changes());
        assertThat(InstanceCodec.writeCompact(inst)).doesNotContain("\n");

        Network<Rational> g = NetworkCodec.DEFAULT.read(PROTOCOL_NETWORK);
        String nt = NetworkCodec.write(g);
        assertThat(NetworkCodec.write(NetworkCodec.DEFAULT.read(nt))).isEqualTo(nt);
        assertThat(NetworkCodec.writeCompact(g)).isEqualTo(
                "{\"format\":\"ftc-network\",\"version\":1,\"input_dimension\":2,\"layers\":[{\"weights\":[[\"1\",\"0\"],[\"0\",\"1\"],[\"1\",\"1\"]],"
                        + "\"biases\":[\"0\",\"-1\",\"2\"]},{\"weights\":[[\"1\",\"-2\",\"1/2\"]],\"biases\":[\"0\"]}]}");
    }

    @Test
    void widthZeroHiddenLayerIsTheEmptyAnswer() throws FormatException {
        Network<Rational> g = NetworkCodec.DEFAULT.read("{\"format\":\"ftc-network\",\"version\":1,\"input_dimension\":3,"
                + "\"layers\":[{\"weights\":[],\"biases\":[]},{\"weights\":[[]],\"biases\":[\"0\"]}]}");
        assertThat(g.neurons()).isZero();
        assertThat(g.depth()).isEqualTo(2);
        assertThat(NetworkCodec.DEFAULT.read(NetworkCodec.write(g)).neurons()).isZero();
    }

    @Test
    void idIsEscaped() throws FormatException {
        Instance inst = InstanceCodec.DEFAULT.read(PROTOCOL_INSTANCE).withId("a \"quoted\"\n\\ name\u0001");
        assertThat(InstanceCodec.DEFAULT.read(InstanceCodec.write(inst)).id()).isEqualTo("a \"quoted\"\n\\ name\u0001");
    }

    @Test
    void emptyInstanceDimensionComesFromThePretrainedNetworkOrTheField() throws FormatException {
        Instance a = InstanceCodec.DEFAULT.read("{\"format\":\"ftc-instance\",\"version\":1,\"samples\":[],\"changes\":[],\"depth\":2,\"input_dimension\":4}");
        assertThat(a.dimension()).isEqualTo(4);
        Instance b = InstanceCodec.DEFAULT.read("{\"format\":\"ftc-instance\",\"version\":1,\"samples\":[],\"changes\":[],\"depth\":3}");
        assertThat(b.dimension()).isEqualTo(1);
        assertThatThrownBy(() -> InstanceCodec.DEFAULT.read("{\"format\":\"ftc-instance\",\"version\":1,\"samples\":[[\"1\"]],\"changes\":[],\"depth\":3,\"input_dimension\":2}"))
                .hasMessage("input_dimension: is 2 but samples[0] gives 1");
    }

    @Test
    void fieldsMayComeInAnyOrder() throws FormatException {
        // The readers stream: a network whose input_dimension follows its layers, an instance whose
        // changes come before its samples and whose pretrained comes last, are the same documents.
        Network<Rational> g = NetworkCodec.DEFAULT.read("{\"layers\":[{\"biases\":[\"0\",\"-1\",\"2\"],"
                + "\"weights\":[[\"1\",\"0\"],[\"0\",\"1\"],[\"1\",\"1\"]]},{\"biases\":[\"0\"],\"weights\":[[\"1\",\"-2\",\"1/2\"]]}],"
                + "\"input_dimension\":2,\"version\":1,\"format\":\"ftc-network\"}");
        assertThat(NetworkCodec.write(g)).isEqualTo(NetworkCodec.write(NetworkCodec.DEFAULT.read(PROTOCOL_NETWORK)));
        Instance inst = InstanceCodec.DEFAULT.read("{\"depth\":2,\"changes\":[{\"label\":\"5/2\",\"index\":1}],\"id\":\"optional name\","
                + "\"samples\":[[\"0\",\"1\"],[\"1/2\",\"3\"],[\"2\",\"-1\"]],\"version\":1,\"format\":\"ftc-instance\","
                + "\"pretrained\":{\"layers\":[{\"weights\":[[\"1\",\"1\"]],\"biases\":[\"0\"]}],\"input_dimension\":2}}");
        assertThat(InstanceCodec.write(inst)).isEqualTo(InstanceCodec.write(InstanceCodec.DEFAULT.read(PROTOCOL_INSTANCE)));
        // An out-of-range index is refused even when the samples it refers to come later.
        assertThatThrownBy(() -> InstanceCodec.DEFAULT.read("{\"format\":\"ftc-instance\",\"version\":1,\"changes\":[{\"index\":3,\"label\":\"1\"}],"
                + "\"samples\":[[\"1\"],[\"2\"]],\"depth\":2}")).hasMessage("changes[0].index: integer 3 is out of range 0..1");
    }

    @Test
    void anErrorOfTheDocumentWinsOverAnErrorOfAValue() {
        // A value error early in the text (a bad number) and a broken document later: the document's error is reported,
        // as when the whole document was parsed first.
        String head = "{\"format\":\"ftc-network\",\"version\":1,\"input_dimension\":1,\"layers\":[{\"weights\":[[\"x\"]],\"biases\":[\"0\"]}]";
        assertThatThrownBy(() -> NetworkCodec.DEFAULT.read(head + ",\"x-a\":1,\"x-a\":2}")).hasMessage("x-a: duplicate key \"x-a\"");
        assertThatThrownBy(() -> NetworkCodec.DEFAULT.read(head + "} trailing")).hasMessageStartingWith("(document): unexpected content after the JSON document");
        assertThatThrownBy(() -> NetworkCodec.DEFAULT.read(head)).hasMessageStartingWith("(document): not valid JSON");
        assertThatThrownBy(() -> NetworkCodec.DEFAULT.read((head + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hasMessageStartingWith("layers[0].weights[0][0]: not a number: \"x\"");
        byte[] notUtf8 = (head + ",\"x-b\":\"\u00e9\"}").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> NetworkCodec.DEFAULT.read(notUtf8)).hasMessage("(document): not valid UTF-8 text");
        assertThatThrownBy(() -> new NetworkCodec(ReadLimits.DEFAULT.withMaxBytes(100)).read(new java.io.ByteArrayInputStream((head + "}" + " ".repeat(200)).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)))).hasMessage("(document): input is longer than the limit of 100 bytes");
    }

    @Test
    void streamedWritingIsTheSameText() throws Exception {
        // Large enough to be handed over in several pieces.
        Rational[][] x = new Rational[20_000][];
        for (int i = 0; i < x.length; i++) x[i] = new Rational[] {Rational.of(i, 7), Rational.of(-i)};
        Instance inst = new Instance("big", 2, x, NetworkCodec.DEFAULT.read(PROTOCOL_NETWORK), Map.of(3, Rational.of(1, 3)), 2);
        java.io.StringWriter w = new java.io.StringWriter();
        InstanceCodec.write(inst, w);
        assertThat(w.toString()).isEqualTo(InstanceCodec.write(inst)).hasSizeGreaterThan(1 << 17);
        Network<Rational> g = NetworkCodec.DEFAULT.read(PROTOCOL_NETWORK);
        java.io.StringWriter n = new java.io.StringWriter();
        // The longest number of PROTOCOL_NETWORK is "1/2" or "-1", "-2": 3 characters.
        assertThat(NetworkCodec.write(g, n)).isEqualTo(3);
        assertThat(n.toString()).isEqualTo(NetworkCodec.write(g));
    }
}
