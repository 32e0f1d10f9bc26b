package org.ftc.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.ftc.prop.Weighted;
import org.junit.jupiter.api.Test;

/**
 * {@link NumberRows} (numbers parsed in chunks on another core) reads exactly what reading one
 * number at a time reads ({@link Fields#numbers} per row), and refuses exactly what it refuses,
 * with the same one-line error: on arrays of rows mixing good numbers, numbers outside the grammar,
 * zero denominators, exponents and lengths past the limits, tokens that are not numbers, rows that
 * are not arrays, and documents that are broken after the array (bad JSON, a duplicate key, nesting
 * past the limit), with chunks of 1 to 4 numbers so that every error falls in a chunk parsed on the
 * other core, in the reading thread's open chunk, or at a chunk boundary.
 */
class NumberRowsProperties {
    static final ReadLimits LIMITS = new ReadLimits(12, 50, 8, 1 << 20);

    static Gen<String> entries() {
        return Gens.frequency(List.<Weighted<String>>of(
                Weighted.of(30, Gens.oneOfValues("\"3\"", "\"-7/2\"", "\"0.125\"", "\"1e3\"", "\"0x1p-3\"", "5", "2.5", "-0", "\"12345678901\"")),
                Weighted.of(1, Gens.oneOfValues("\"1/0\"", "\"abc\"", "\"\"", "\"1e99\"", "\"1234567890123\"", "12345678901234", "\"- 1\"")),
                Weighted.of(1, Gens.oneOfValues("true", "null", "{}", "[1]", "[[[[[[[[[1]]]]]]]]]"))));
    }

    static Gen<String> rows() {
        Gen<String> row = Gens.lists(entries(), 0, 5).map(l -> "[" + String.join(",", l) + "]");
        return Gens.frequency(List.<Weighted<String>>of(Weighted.of(30, row), Weighted.of(1, Gens.oneOfValues("\"3\"", "{}", "7"))));
    }

    static Gen<String> documents() {
        Gen<String> tail = Gens.frequency(List.<Weighted<String>>of(Weighted.of(6, Gens.oneOfValues("", ", \"x\": 1")),
                Weighted.of(2, Gens.oneOfValues(", \"x\": [1, 2", ", \"samples\": 1", ", \"x\": [[[[[[[[[[1]]]]]]]]]]", ", \"x\": tru", "} 7"))));
        return Gens.zip(Gens.lists(rows(), 0, 8), tail, (rs, t) -> "{\"samples\": [" + String.join(", ", rs) + "]" + t + (t.startsWith("}") ? "" : "}"));
    }

    /** The rows, or the error's one line, read through a cursor with {@code rowsReader}. */
    interface RowsReader {
        List<Rational[]> read(JsonCursor c, Fields fields, NumberParser numbers) throws FormatException;
    }

    static String outcome(String document, RowsReader reader) {
        NumberParser numbers = new NumberParser(LIMITS);
        Fields fields = new Fields(numbers);
        try {
            List<Rational[]> rows = JsonCursor.open(document, LIMITS).read(c -> {
                c.first();
                Fields.object(c);
                List<Rational[]> found = null;
                while (c.next() == JsonToken.FIELD_NAME) {
                    String name = c.currentName();
                    c.next();
                    if (name.equals("samples") && found == null) found = reader.read(c, fields, numbers);
                    else c.skipValue();
                }
                return found;
            });
            List<String> text = new ArrayList<>();
            for (Rational[] r : rows) text.add(Arrays.toString(r));
            return "rows " + text;
        } catch (FormatException e) {
            return "error " + e.getMessage();
        }
    }

    static List<Rational[]> oneAtATime(JsonCursor c, Fields fields) throws FormatException {
        Fields.array(c);
        List<Rational[]> rows = new ArrayList<>();
        while (c.next() != JsonToken.END_ARRAY) rows.add(fields.numbers(c));
        return rows;
    }

    @Test
    void chunkedReadingEqualsReadingOneNumberAtATime() {
        Property.forAll(Gens.zip(documents(), Gens.ints(1, 4), (doc, chunk) -> new Object[] {doc, chunk}))
                .cover("refused", 30)
                .cover("read", 20)
                .printer(p -> p[0] + " (chunks of " + p[1] + ")")
                .check((p, ctx) -> {
                    String doc = (String) p[0];
                    int chunk = (Integer) p[1];
                    String want = outcome(doc, (c, fields, numbers) -> oneAtATime(c, fields));
                    String got = outcome(doc, (c, fields, numbers) -> new NumberRows(numbers, fields, chunk).read(c, LIMITS.maxNumberLength()));
                    assertThat(got).isEqualTo(want);
                    ctx.classify(want.startsWith("error"), "refused");
                    ctx.classify(want.startsWith("rows"), "read");
                });
    }
}
