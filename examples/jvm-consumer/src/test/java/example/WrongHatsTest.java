package example;

import org.ftc.conformance.Conformance;
import org.junit.jupiter.api.Test;

/** Expected to fail, with a shrunk counterexample: run with -Dtest=WrongHatsTest (CI checks that it does). */
class WrongHatsTest {
    @Test
    void hatsThatReadLabelsAsResidualsConform() {
        Conformance.of(Hats::residualsIgnoringF).depth(2).tries(200).check();
    }
}
