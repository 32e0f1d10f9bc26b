package org.ftc.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON to {@link Json}, on Jackson's streaming parser so that number tokens are kept as
 * their source text (never converted through {@code double}), duplicate keys and excessive nesting
 * are refused with the field path, and trailing content after the document is an error.
 *
 * <p>Input is decoded as strict UTF-8 first (a leading byte order mark is skipped): Jackson's own
 * encoding detection would otherwise read random bytes as UTF-16 or UTF-32.
 */
public final class JsonReader {
    private final ReadLimits limits;
    private final JsonFactory factory;

    public JsonReader(ReadLimits limits) {
        this.limits = limits;
        // Jackson's own limits are set above ours so that ours, with field paths, fire first.
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNumberLength(Integer.MAX_VALUE)
                        .maxNestingDepth(limits.maxDepth() + 10)
                        .maxStringLength(Integer.MAX_VALUE)
                        .build())
                .build();
    }

    public ReadLimits limits() {
        return limits;
    }

    /** Reads all of {@code in} (up to the byte limit) and parses it. */
    public Json read(InputStream in) throws FormatException, IOException {
        return parse(readLimited(in, limits.maxBytes()));
    }

    /** Reads at most {@code max} bytes; more is a {@link FormatException}. */
    static byte[] readLimited(InputStream in, long max) throws IOException, FormatException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) throw new FormatException("", "input is longer than the limit of " + max + " bytes");
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    public Json parse(byte[] bytes) throws FormatException {
        if (bytes.length > limits.maxBytes()) throw new FormatException("", "input is longer than the limit of " + limits.maxBytes() + " bytes");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FormatException("", "not valid UTF-8 text");
        }
        return parse(text);
    }

    public Json parse(String text) throws FormatException {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) throw new FormatException("", "empty input: expected a JSON document");
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new FormatException("", "empty input: expected a JSON document");
            Json root = value(p, first, "", 1);
            JsonToken after;
            try {
                after = p.nextToken();
            } catch (JsonProcessingException e) {
                throw new FormatException("", "unexpected content after the JSON document " + where(p.currentLocation()));
            }
            if (after != null) throw new FormatException("", "unexpected content after the JSON document " + where(p.currentLocation()));
            return root;
        } catch (JsonProcessingException e) {
            throw new FormatException("", "not valid JSON: " + e.getOriginalMessage() + " " + where(e.getLocation()));
        } catch (IOException e) {
            throw new FormatException("", "not valid JSON: " + e.getMessage());
        }
    }

    private static String where(JsonLocation loc) {
        if (loc == null) return "";
        return "(line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    private Json value(JsonParser p, JsonToken t, String path, int depth) throws IOException, FormatException {
        if (t == null) throw new FormatException(path, "unexpected end of input");
        switch (t) {
            case START_OBJECT: {
                checkDepth(path, depth);
                Map<String, Json> fields = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    if (fields.containsKey(name)) throw new FormatException(child, "duplicate key \"" + NumberParser.shorten(name) + "\"");
                    fields.put(name, value(p, p.nextToken(), child, depth + 1));
                }
                if (k != JsonToken.END_OBJECT) throw new FormatException(path, "object is not closed");
                return new Json.Obj(fields);
            }
            case START_ARRAY: {
                checkDepth(path, depth);
                List<Json> items = new ArrayList<>();
                JsonToken v;
                while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (v == null) throw new FormatException(path, "array is not closed");
                    items.add(value(p, v, path + "[" + items.size() + "]", depth + 1));
                }
                return new Json.Arr(items);
            }
            case VALUE_STRING:
                return new Json.Str(p.getText());
            case VALUE_NUMBER_INT:
                return new Json.Num(p.getText(), true);
            case VALUE_NUMBER_FLOAT:
                return new Json.Num(p.getText(), false);
            case VALUE_TRUE:
                return new Json.Bool(true);
            case VALUE_FALSE:
                return new Json.Bool(false);
            case VALUE_NULL:
                return new Json.Null();
            default:
                throw new FormatException(path, "unexpected JSON token " + t);
        }
    }

    private void checkDepth(String path, int depth) throws FormatException {
        if (depth > limits.maxDepth()) {
            throw new FormatException(path, "nested deeper than the limit of " + limits.maxDepth() + " levels");
        }
    }
}
