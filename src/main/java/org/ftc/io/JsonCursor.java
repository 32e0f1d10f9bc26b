package org.ftc.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A strict, streaming walk over one JSON document, on Jackson's streaming parser: the format
 * readers pull tokens and build exact values as they go, with no tree in between. Number tokens
 * are handed over as their source characters (never through {@code double}).
 *
 * <p>What the cursor checks itself, for every document and every reader: strict UTF-8 (a leading
 * byte order mark is skipped; Jackson's own encoding detection is not used, it would read random
 * bytes as UTF-16 or UTF-32), the document size limit (counted while reading, so an endless input
 * is refused when it passes the limit, not when it ends), the nesting limit, duplicate keys, and
 * that nothing follows the document. Every error names the field path, built on demand from
 * Jackson's parsing context ({@code layers[1].weights[0][2]}).
 *
 * <p>A reader that finds a problem with a value calls {@link #fail}: the cursor first reads the rest
 * of the input, and if that holds an error of the document itself (too long, not UTF-8, not JSON,
 * nested too deep, a duplicate key, trailing content) it reports that one instead, so which error
 * a bad document gets does not depend on where in the text the reader happened to be.
 */
final class JsonCursor implements AutoCloseable {
    /** Thrown by the counting stream when the input passes the byte limit. */
    private static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TooLong(long limit) {
            super("input is longer than the limit of " + limit + " bytes");
        }
    }

    /** Counts the bytes read and refuses to go past the limit. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > limit) throw new TooLong(limit);
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            // Ask for at most one byte past the limit: enough to know it was passed.
            long room = limit - count + 1;
            int n = super.read(buffer, off, (int) Math.min(len, Math.max(1, room)));
            if (n > 0) {
                count += n;
                if (count > limit) throw new TooLong(limit);
            }
            return n;
        }
    }

    private final ReadLimits limits;
    private final Reader reader;
    private final JsonParser parser;
    /** The keys seen so far in each open object, innermost last. */
    private final List<Set<String>> keys = new ArrayList<>();
    private int openObjects;
    private JsonToken token;

    private JsonCursor(ReadLimits limits, Reader reader) throws FormatException {
        this.limits = limits;
        this.reader = reader;
        try {
            this.parser = factory(limits).createParser(reader);
        } catch (IOException e) {
            throw new FormatException("", "not valid JSON: " + e.getMessage());
        }
    }

    private static JsonFactory factory(ReadLimits limits) {
        // Jackson's own limits are set above ours so that ours, with field paths, fire first.
        // The caller owns the input: Jackson must not close it at its end (the cursor may still read
        // the rest of it after an error, see fail).
        return JsonFactory.builder()
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNumberLength(Integer.MAX_VALUE)
                        .maxNestingDepth(limits.maxDepth() + 10)
                        .maxStringLength(Integer.MAX_VALUE)
                        .build())
                .build();
    }

    /** A cursor over a stream of UTF-8 bytes, refused once it passes {@code limits.maxBytes()}. */
    static JsonCursor open(InputStream in, ReadLimits limits) throws FormatException {
        InputStreamReader utf8 = new InputStreamReader(new Bounded(in, limits.maxBytes()), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        return openChars(utf8, limits);
    }

    static JsonCursor open(byte[] bytes, ReadLimits limits) throws FormatException {
        if (bytes.length > limits.maxBytes()) throw new FormatException("", "input is longer than the limit of " + limits.maxBytes() + " bytes");
        return open(new ByteArrayInputStream(bytes), limits);
    }

    static JsonCursor open(String text, ReadLimits limits) throws FormatException {
        return openChars(new StringReader(text), limits);
    }

    private static JsonCursor openChars(Reader chars, ReadLimits limits) throws FormatException {
        PushbackReader in = new PushbackReader(chars, 1);
        JsonCursor c = new JsonCursor(limits, in);
        try {
            int first = in.read();
            if (first >= 0 && first != '\uFEFF') in.unread(first);
        } catch (IOException e) {
            throw c.documentError(e);
        }
        return c;
    }

    ReadLimits limits() {
        return limits;
    }

    /** The first token of the document; an empty document is an error. */
    JsonToken first() throws FormatException {
        JsonToken t = next();
        if (t == null) throw own(orInputError(new FormatException("", "empty input: expected a JSON document")));
        return t;
    }

    /** After the document's last token: nothing but whitespace may follow. */
    void end() throws FormatException {
        JsonToken after;
        try {
            after = parser.nextToken();
        } catch (JsonProcessingException e) {
            throw own(afterDocument());
        } catch (IOException e) {
            throw own(documentError(e));
        }
        if (after != null) throw own(afterDocument());
    }

    private FormatException afterDocument() {
        FormatException trailing = new FormatException("", "unexpected content after the JSON document " + where(parser.currentLocation()));
        FormatException input = drainInput();
        return input != null ? input : trailing;
    }

    /** The next token, with the nesting and duplicate-key checks applied; null at the end of the input. */
    JsonToken next() throws FormatException {
        try {
            token = parser.nextToken();
        } catch (IOException e) {
            throw own(documentError(e));
        }
        if (token == null) return null;
        switch (token) {
            case START_OBJECT:
                checkDepth();
                if (keys.size() == openObjects) keys.add(new HashSet<>());
                else keys.get(openObjects).clear();
                openObjects++;
                break;
            case END_OBJECT:
                openObjects--;
                break;
            case START_ARRAY:
                checkDepth();
                break;
            case FIELD_NAME:
                String name = currentName();
                if (!keys.get(openObjects - 1).add(name)) {
                    throw own(orInputError(new FormatException(path(), "duplicate key \"" + NumberParser.shorten(name) + "\"")));
                }
                break;
            default:
                break;
        }
        return token;
    }

    JsonToken token() {
        return token;
    }

    String currentName() throws FormatException {
        try {
            return parser.currentName();
        } catch (IOException e) {
            throw own(documentError(e));
        }
    }

    /** The current token's text (a string's value, a number's source text). */
    String text() throws FormatException {
        try {
            return parser.getText();
        } catch (IOException e) {
            throw own(documentError(e));
        }
    }

    /** The current token's characters, valid until the next call: {@code chars()[textOffset() .. + textLength()]}. */
    char[] chars() throws FormatException {
        try {
            return parser.getTextCharacters();
        } catch (IOException e) {
            throw own(documentError(e));
        }
    }

    int textOffset() throws FormatException {
        try {
            return parser.getTextOffset();
        } catch (IOException e) {
            throw own(documentError(e));
        }
    }

    int textLength() throws FormatException {
        try {
            return parser.getTextLength();
        } catch (IOException e) {
            throw own(documentError(e));
        }
    }

    /** Skips the current value (an ignored {@code x-} field), still checking nesting and duplicate keys. */
    void skipValue() throws FormatException {
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) return;
        int depth = 1;
        while (depth > 0) {
            JsonToken t = next();
            if (t == null) throw new FormatException("", "unexpected end of input");
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) depth++;
            else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) depth--;
        }
    }

    /** How the current value is shown in messages: {@code true}, {@code an object}, {@code the string "abc"}. */
    String describe() throws FormatException {
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "the string \"" + NumberParser.shorten(text()) + "\"";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "the number " + NumberParser.shorten(text());
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case VALUE_NULL:
                return "null";
            default:
                return "the token " + token;
        }
    }

    /**
     * The field path of the current value (for a container's start token, the container itself;
     * for a field name, that field): {@code pretrained.layers[0].biases[1]}, empty for the document.
     */
    String path() {
        JsonStreamContext ctx = parser.getParsingContext();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) ctx = ctx.getParent();
        return path(ctx);
    }

    private static String path(JsonStreamContext ctx) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) chain.add(c);
        StringBuilder s = new StringBuilder();
        for (int i = chain.size() - 1; i >= 0; i--) {
            JsonStreamContext c = chain.get(i);
            if (c.inArray()) s.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
            else if (c.getCurrentName() != null) s.append(s.length() == 0 ? "" : ".").append(c.getCurrentName());
        }
        return s.toString();
    }

    /** What a format reader does with the cursor: read the document's value from its first token. */
    interface Body<T> {
        T read(JsonCursor cursor) throws FormatException;
    }

    /**
     * Reads one whole document with {@code body} and checks that nothing follows it. A problem the
     * reader finds with a value gives way to an error of the document itself found in the rest of
     * the input (see the class comment).
     */
    <T> T read(Body<T> body) throws FormatException {
        return readOr(body);
    }

    /** As {@link #read(Body)}, for a stream: a failure of the stream itself is that {@link IOException}. */
    <T> T readStream(Body<T> body) throws FormatException, IOException {
        try {
            return readOr(body);
        } catch (FormatException e) {
            if (readFailure != null) throw readFailure;
            throw e;
        }
    }

    /** The first failure of the input stream that was not about the document. */
    private IOException readFailure;

    private <T> T readOr(Body<T> body) throws FormatException {
        try {
            T value = body.read(this);
            end();
            return value;
        } catch (FormatException e) {
            throw e == own ? e : precedence(e);
        } finally {
            close();
        }
    }

    /** The error the cursor itself raised last: an error of the document, thrown as it is. */
    private FormatException own;

    private FormatException own(FormatException e) {
        own = e;
        return e;
    }

    /** {@code problem}, unless the rest of the document has an error of the document itself. */
    private FormatException precedence(FormatException problem) {
        try {
            if (complete()) return own(trailing(problem));
            JsonToken t;
            while ((t = parser.nextToken()) != null) {
                JsonStreamContext ctx = parser.getParsingContext();
                if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && ctx.getNestingDepth() > limits.maxDepth()) {
                    return own(orInputError(new FormatException(path(ctx.getParent()), "nested deeper than the limit of " + limits.maxDepth() + " levels")));
                }
                if (t == JsonToken.START_OBJECT) {
                    if (keys.size() == openObjects) keys.add(new HashSet<>());
                    else keys.get(openObjects).clear();
                    openObjects++;
                } else if (t == JsonToken.END_OBJECT) {
                    openObjects--;
                } else if (t == JsonToken.FIELD_NAME && openObjects > 0 && !keys.get(openObjects - 1).add(parser.currentName())) {
                    return own(orInputError(new FormatException(path(ctx), "duplicate key \"" + NumberParser.shorten(parser.currentName()) + "\"")));
                }
                if (complete()) return own(trailing(problem));
            }
            return problem;
        } catch (IOException e) {
            return own(documentError(e));
        }
    }

    /** Whether the current token ends the document's value. */
    private boolean complete() {
        JsonToken t = parser.currentToken();
        return t != null && parser.getParsingContext().inRoot() && (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY || t.isScalarValue());
    }

    /** After a complete document: {@code problem}, unless something follows the document. */
    private FormatException trailing(FormatException problem) {
        try {
            if (parser.nextToken() == null) return orInputError(problem);
        } catch (JsonProcessingException e) {
            // Not JSON after the document: trailing content too.
        } catch (IOException e) {
            return documentError(e);
        }
        return afterDocument();
    }

    /** {@code e}, unless the rest of the input is too long or not UTF-8. */
    private FormatException orInputError(FormatException e) {
        FormatException input = drainInput();
        return input != null ? input : e;
    }

    /** An exception from the parser or the input as the document's error. */
    private FormatException documentError(IOException e) {
        if (e instanceof TooLong) return new FormatException("", e.getMessage());
        if (e instanceof CharacterCodingException) return new FormatException("", "not valid UTF-8 text");
        FormatException input = drainInput();
        if (input != null) return input;
        if (e instanceof JsonProcessingException) {
            JsonProcessingException j = (JsonProcessingException) e;
            return new FormatException("", "not valid JSON: " + j.getOriginalMessage() + " " + where(j.getLocation()));
        }
        // The input itself failed (a file that cannot be read): not the document's fault.
        if (readFailure == null) readFailure = e;
        return new FormatException("", "cannot read: " + e.getMessage());
    }

    /**
     * Reads what is left of the input: a document too long or not UTF-8 is that error, whatever
     * else is wrong with it earlier. Null when the input is fine.
     */
    private FormatException drainInput() {
        char[] buffer = new char[1 << 14];
        try {
            while (reader.read(buffer) >= 0) {
                // Only the bytes matter here.
            }
            return null;
        } catch (TooLong e) {
            return new FormatException("", e.getMessage());
        } catch (CharacterCodingException e) {
            return new FormatException("", "not valid UTF-8 text");
        } catch (IOException e) {
            if (readFailure == null) readFailure = e;
            return null;
        }
    }

    private void checkDepth() throws FormatException {
        if (parser.getParsingContext().getNestingDepth() > limits.maxDepth()) {
            throw own(orInputError(new FormatException(path(), "nested deeper than the limit of " + limits.maxDepth() + " levels")));
        }
    }

    private static String where(JsonLocation loc) {
        if (loc == null) return "";
        return "(line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // Nothing was written; closing a reader cannot lose anything.
        }
    }
}
