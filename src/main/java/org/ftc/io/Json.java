package org.ftc.io;

import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value as the format readers see it. Numbers keep their exact source text
 * ({@link Num#text}); objects keep key order and never hold a duplicate key (the parser refuses
 * them). Built by {@link JsonReader}.
 */
public sealed interface Json {
    /** A short description for error messages: {@code true}, {@code an object}, {@code "abc"}. */
    String describe();

    record Obj(Map<String, Json> fields) implements Json {
        public String describe() {
            return "an object";
        }
    }

    record Arr(List<Json> items) implements Json {
        public String describe() {
            return "an array";
        }
    }

    record Str(String value) implements Json {
        public String describe() {
            return "the string \"" + NumberParser.shorten(value) + "\"";
        }
    }

    /** A bare JSON number, as written. */
    record Num(String text, boolean integral) implements Json {
        public String describe() {
            return "the number " + NumberParser.shorten(text);
        }
    }

    record Bool(boolean value) implements Json {
        public String describe() {
            return Boolean.toString(value);
        }
    }

    record Null() implements Json {
        public String describe() {
            return "null";
        }
    }
}
