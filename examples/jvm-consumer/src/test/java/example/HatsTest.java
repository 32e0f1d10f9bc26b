package example;

import org.ftc.conformance.Conformance;
import org.junit.jupiter.api.Test;

class HatsTest {
    @Test
    void hatsConform() {
        Conformance.of(Hats::correct).depth(2).tries(200).check();
    }
}
