package org.ftc.io;

import com.fasterxml.jackson.core.JsonToken;
import java.util.Arrays;
import java.util.Set;
import org.ftc.arith.Rational;

/**
 * Typed values at a {@link JsonCursor}, each error naming the field path: the value is the
 * cursor's current token, and a container is left on its end token.
 */
final class Fields {
    private final NumberParser numbers;

    Fields(NumberParser numbers) {
        this.numbers = numbers;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String item(String path, int i) {
        return path + "[" + i + "]";
    }

    static void object(JsonCursor c) throws FormatException {
        if (c.token() != JsonToken.START_OBJECT) throw new FormatException(c.path(), "expected an object, got " + c.describe());
    }

    static void array(JsonCursor c) throws FormatException {
        if (c.token() != JsonToken.START_ARRAY) throw new FormatException(c.path(), "expected an array, got " + c.describe());
    }

    /**
     * At a field name of an object whose fields are {@code allowed}: true if the field is one of
     * them (the cursor then moves to its value); an {@code x-} field is skipped and gives false;
     * any other is refused.
     */
    static boolean known(JsonCursor c, String name, Set<String> allowed) throws FormatException {
        // "x-" keys are the documented place for comments and private extensions; any other
        // unknown key is refused, so a misspelt "chnages" cannot silently mean "no changes".
        if (allowed.contains(name)) {
            c.next();
            return true;
        }
        if (!name.startsWith("x-")) {
            throw new FormatException(c.path(), "unknown field (allowed: " + String.join(", ", allowed) + ", or any \"x-\" key)");
        }
        c.next();
        c.skipValue();
        return false;
    }

    static FormatException missing(String path, String key) {
        return new FormatException(child(path, key), "missing required field");
    }

    static String string(JsonCursor c) throws FormatException {
        if (c.token() != JsonToken.VALUE_STRING) throw new FormatException(c.path(), "expected a string, got " + c.describe());
        return c.text();
    }

    /** A JSON integer (not a string, not {@code 1.0}) in {@code [min, max]}. */
    static int integer(JsonCursor c, int min, int max) throws FormatException {
        if (c.token() != JsonToken.VALUE_NUMBER_INT) throw new FormatException(c.path(), "expected an integer, got " + c.describe());
        return inRange(c.text(), c.path(), min, max);
    }

    /** The integer {@code text} (a JSON integer's source text) if it is in {@code [min, max]}. */
    static int inRange(String text, String path, int min, int max) throws FormatException {
        if (text.length() > 12) throw new FormatException(path, "integer " + NumberParser.shorten(text) + " is out of range " + min + ".." + max);
        long n = Long.parseLong(text);
        if (n < min || n > max) throw new FormatException(path, "integer " + n + " is out of range " + min + ".." + max);
        return (int) n;
    }

    /** An exact number: a JSON string in the number grammar, or a bare JSON number read from its source text. */
    Rational number(JsonCursor c) throws FormatException {
        JsonToken t = c.token();
        if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new FormatException(c.path(), "expected a number string, got " + c.describe());
        }
        try {
            return numbers.parse(c.chars(), c.textOffset(), c.textLength());
        } catch (FormatException e) {
            throw new FormatException(c.path(), e.problem());
        }
    }

    /** An array of exact numbers, from its start token to its end token. */
    Rational[] numbers(JsonCursor c) throws FormatException {
        array(c);
        Rational[] out = new Rational[16];
        int n = 0;
        while (c.next() != JsonToken.END_ARRAY) {
            if (n == out.length) out = Arrays.copyOf(out, 2 * n);
            out[n++] = number(c);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    static void format(JsonCursor c, String formatName) throws FormatException {
        String format = string(c);
        if (!format.equals(formatName)) {
            throw new FormatException(c.path(), "expected \"" + formatName + "\", got \"" + NumberParser.shorten(format) + "\"");
        }
    }

    static int version(JsonCursor c) throws FormatException {
        int version = integer(c, 0, Integer.MAX_VALUE);
        if (version != 1) throw new FormatException(c.path(), "unsupported version " + version + " (this reader knows version 1)");
        return version;
    }
}
