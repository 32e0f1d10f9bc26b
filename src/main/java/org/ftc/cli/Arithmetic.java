package org.ftc.cli;

import org.ftc.arith.ApfloatField;
import org.ftc.arith.AprationalField;
import org.ftc.arith.DoubleField;
import org.ftc.arith.Field;
import org.ftc.arith.RationalField;

/** The {@code --arithmetic} option: {@code exact}, {@code aprational}, {@code apfloat:<digits>}, {@code double}. */
final class Arithmetic {
    private Arithmetic() {
    }

    static Field<?> parse(String text) throws CliFailure {
        if (text.equals("exact")) return RationalField.INSTANCE;
        if (text.equals("aprational")) return AprationalField.INSTANCE;
        if (text.equals("double")) return DoubleField.INSTANCE;
        if (text.matches("apfloat:[0-9]{1,9}")) {
            long digits = Long.parseLong(text.substring("apfloat:".length()));
            if (digits >= 1) return new ApfloatField(digits);
        }
        throw new CliFailure(Ftc.BAD_INPUT, "--arithmetic: expected exact, aprational, apfloat:<digits> (digits >= 1) or double, got '" + text + "'");
    }
}
