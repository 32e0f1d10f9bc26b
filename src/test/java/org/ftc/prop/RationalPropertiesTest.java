package org.ftc.prop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ftc.prop.Gens.*;

import org.ftc.arith.Rational;
import org.junit.jupiter.api.Test;

/** Ordinary properties written the way the rest of the project writes them (and an engine smoke test). */
class RationalPropertiesTest {
    record Two(Rational a, Rational b) {
    }

    private static final Gen<Two> TWO = zip(rationals(), rationals(), Two::new);

    @Test
    void subtractionUndoesAddition() {
        Property.forAll(TWO)
                .cover("huge operand", 2)
                .check((t, ctx) -> {
                    ctx.classify(t.a().bitSize() > 100 || t.b().bitSize() > 100, "huge operand");
                    ctx.classify(t.a().isInteger() && t.b().isInteger(), "both integers");
                    assertThat(t.a().add(t.b()).subtract(t.b())).isEqualTo(t.a());
                });
    }

    @Test
    void divisionUndoesMultiplication() {
        Property.forAll(TWO.filter("b != 0", t -> t.b().signum() != 0))
                .check((t, ctx) -> assertThat(t.a().multiply(t.b()).divide(t.b())).isEqualTo(t.a()));
    }
}
