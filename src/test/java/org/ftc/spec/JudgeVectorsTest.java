package org.ftc.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.ftc.gate.Verdict;
import org.junit.jupiter.api.Test;

/** Every judge vector of spec/vectors/judge.json gets its expected verdict from the project's judge. */
class JudgeVectorsTest {
    @Test
    void everyJudgeVectorGetsItsExpectedVerdict() throws Exception {
        List<String> wrong = new ArrayList<>();
        int run = 0;
        for (JsonNode t : VectorFile.named("judge.json").tests()) {
            Verdict v = VectorFile.judge(t);
            run++;
            String expected = t.get("expected").get("verdict").asText();
            if (!v.kind().label().equals(expected)) {
                wrong.add(t.get("id").asText() + " (" + t.get("comment").asText() + "): expected " + expected + ", got " + v.line());
            } else if (!VectorFile.failingSamples(v).equals(VectorFile.expectedFailing(t))) {
                wrong.add(t.get("id").asText() + ": failing samples " + VectorFile.failingSamples(v) + ", expected " + VectorFile.expectedFailing(t));
            }
        }
        assertThat(run).isGreaterThanOrEqualTo(60);
        assertThat(wrong).isEmpty();
    }
}
