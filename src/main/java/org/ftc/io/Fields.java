package org.ftc.io;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ftc.arith.Rational;

/** Typed access to {@link Json} values with the field path in every error. */
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

    static Map<String, Json> object(Json v, String path, Set<String> allowed) throws FormatException {
        if (!(v instanceof Json.Obj)) throw new FormatException(path, "expected an object, got " + v.describe());
        Map<String, Json> fields = ((Json.Obj) v).fields();
        for (String key : fields.keySet()) {
            // "x-" keys are the documented place for comments and private extensions; any other
            // unknown key is refused, so a misspelt "chnages" cannot silently mean "no changes".
            if (!allowed.contains(key) && !key.startsWith("x-")) {
                throw new FormatException(child(path, key), "unknown field (allowed: " + String.join(", ", allowed) + ", or any \"x-\" key)");
            }
        }
        return fields;
    }

    static Json required(Map<String, Json> fields, String path, String key) throws FormatException {
        Json v = fields.get(key);
        if (v == null) throw new FormatException(child(path, key), "missing required field");
        return v;
    }

    static List<Json> array(Json v, String path) throws FormatException {
        if (!(v instanceof Json.Arr)) throw new FormatException(path, "expected an array, got " + v.describe());
        return ((Json.Arr) v).items();
    }

    static String string(Json v, String path) throws FormatException {
        if (!(v instanceof Json.Str)) throw new FormatException(path, "expected a string, got " + v.describe());
        return ((Json.Str) v).value();
    }

    /** A JSON integer (not a string, not {@code 1.0}) in {@code [min, max]}. */
    static int integer(Json v, String path, int min, int max) throws FormatException {
        if (!(v instanceof Json.Num) || !((Json.Num) v).integral()) throw new FormatException(path, "expected an integer, got " + v.describe());
        String text = ((Json.Num) v).text();
        if (text.length() > 12) throw new FormatException(path, "integer " + NumberParser.shorten(text) + " is out of range " + min + ".." + max);
        long n = Long.parseLong(text);
        if (n < min || n > max) throw new FormatException(path, "integer " + n + " is out of range " + min + ".." + max);
        return (int) n;
    }

    Rational number(Json v, String path) throws FormatException {
        String text;
        if (v instanceof Json.Str) text = ((Json.Str) v).value();
        else if (v instanceof Json.Num) text = ((Json.Num) v).text();
        else throw new FormatException(path, "expected a number string, got " + v.describe());
        try {
            return numbers.parse(text);
        } catch (FormatException e) {
            throw new FormatException(path, e.problem());
        }
    }

    static void constant(Map<String, Json> fields, String path, String formatName) throws FormatException {
        String format = string(required(fields, path, "format"), child(path, "format"));
        if (!format.equals(formatName)) {
            throw new FormatException(child(path, "format"), "expected \"" + formatName + "\", got \"" + NumberParser.shorten(format) + "\"");
        }
        int version = integer(required(fields, path, "version"), child(path, "version"), 0, Integer.MAX_VALUE);
        if (version != 1) throw new FormatException(child(path, "version"), "unsupported version " + version + " (this reader knows version 1)");
    }

}
