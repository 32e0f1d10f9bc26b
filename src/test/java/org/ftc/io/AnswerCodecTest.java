package org.ftc.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.ftc.arith.Rational;
import org.ftc.net.Network;
import org.junit.jupiter.api.Test;

class AnswerCodecTest {
    private static final String NET = "{\"input_dimension\":1,\"layers\":[{\"weights\":[[\"1\"]],\"biases\":[\"-1/2\"]},{\"weights\":[[\"2\"]],\"biases\":[\"0\"]}]}";

    @Test
    void readsTheThreeStatuses() throws FormatException {
        AnswerCodec.Answer a = AnswerCodec.DEFAULT.read("{\"format\":\"ftc-answer\",\"version\":1,\"instance\":\"a\",\"status\":\"network\",\"network\":" + NET + "}");
        assertThat(a.status()).isEqualTo(AnswerCodec.Status.NETWORK);
        assertThat(a.instance()).contains("a");
        Network<Rational> g = a.network().orElseThrow();
        // g(x) = 2 relu(x - 1/2): at x = 2 it is 2 * 3/2 = 3.
        assertThat(g.evaluate(new Rational[] {Rational.TWO})).isEqualTo(Rational.of(3));
        AnswerCodec.Answer inf = AnswerCodec.DEFAULT.read("{\"format\":\"ftc-answer\",\"version\":1,\"status\":\"infeasible\"}");
        assertThat(inf.status()).isEqualTo(AnswerCodec.Status.INFEASIBLE);
        assertThat(inf.network()).isEmpty();
        assertThat(inf.instance()).isEmpty();
        AnswerCodec.Answer err = AnswerCodec.DEFAULT.read("{\"format\":\"ftc-answer\",\"version\":1,\"status\":\"error\",\"message\":\"boom\",\"x-note\":1}");
        assertThat(err.status()).isEqualTo(AnswerCodec.Status.ERROR);
        assertThat(err.message()).isEqualTo("boom");
    }

    @Test
    void writesWhatItReads() throws FormatException {
        AnswerCodec.Answer a = AnswerCodec.DEFAULT.read("{\"format\":\"ftc-answer\",\"version\":1,\"instance\":\"i\\n2\",\"status\":\"network\",\"network\":" + NET + "}");
        String line = AnswerCodec.writeCompact(a);
        assertThat(line).doesNotContain("\n");
        AnswerCodec.Answer back = AnswerCodec.DEFAULT.read(line);
        assertThat(back.instance()).contains("i\n2");
        assertThat(back.network().orElseThrow().evaluate(new Rational[] {Rational.ONE})).isEqualTo(Rational.ONE); // 2 * (1 - 1/2)
        String err = AnswerCodec.writeCompact(new AnswerCodec.Answer(Optional.empty(), AnswerCodec.Status.ERROR, Optional.empty(), "x"));
        assertThat(err).isEqualTo("{\"format\":\"ftc-answer\",\"version\":1,\"status\":\"error\",\"message\":\"x\"}");
    }

    @Test
    void refusesMalformedAnswersWithTheFieldPath() {
        String head = "{\"format\":\"ftc-answer\",\"version\":1,";
        assertThatThrownBy(() -> AnswerCodec.DEFAULT.read("not json")).isInstanceOf(FormatException.class);
        assertThatThrownBy(() -> AnswerCodec.DEFAULT.read("{\"format\":\"ftc-network\",\"version\":1,\"status\":\"infeasible\"}"))
                .hasMessageStartingWith("format: expected \"ftc-answer\"");
        assertThatThrownBy(() -> AnswerCodec.DEFAULT.read("{\"format\":\"ftc-answer\",\"version\":2,\"status\":\"infeasible\"}"))
                .hasMessageStartingWith("version: unsupported version 2");
        assertThatThrownBy(() -> AnswerCodec.DEFAULT.read(head + "\"status\":\"maybe\"}")).hasMessageStartingWith("status: expected");
        assertThatThrownBy(() -> AnswerCodec.DEFAULT.read(head + "\"status\":\"network\"}")).hasMessageStartingWith("network: missing required field");
        assertThatThrownBy(() -> AnswerCodec.DEFAULT.read(head + "\"status\":\"infeasible\",\"network\":" + NET + "}"))
                .hasMessageStartingWith("network: only allowed with status");
        assertThatThrownBy(() -> AnswerCodec.DEFAULT.read(head + "\"status\":\"infeasible\",\"stauts\":1}")).hasMessageStartingWith("stauts: unknown field");
        assertThatThrownBy(() -> AnswerCodec.DEFAULT.read(head + "\"status\":\"network\",\"network\":{\"input_dimension\":1,\"layers\":[{\"weights\":[[true]],\"biases\":[\"0\"]}]}}"))
                .hasMessageStartingWith("network.layers[0].weights[0][0]: expected a number string");
        assertThatThrownBy(() -> AnswerCodec.DEFAULT.read(head + "\"status\":\"error\",\"message\":3}")).hasMessageStartingWith("message: expected a string");
        assertThatThrownBy(() -> AnswerCodec.DEFAULT.read(head + "\"status\":\"error\"} {}")).hasMessageStartingWith("(document): unexpected content");
    }
}
