package org.ftc.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.ftc.arith.Rational;

/**
 * Where a writer puts its text: a buffer that is handed to a {@link Writer} in pieces of about
 * 64 KiB as the document is written (so writing a large network never holds its whole text), or,
 * with no writer, kept whole for the {@code String} forms. Also remembers the longest number it
 * wrote, for the {@code construct} note about the readers' length limit.
 */
final class TextSink {
    private static final int PIECE = 1 << 16;

    private final StringBuilder text = new StringBuilder();
    private final Writer out;
    private int longestNumber;

    TextSink(Writer out) {
        this.out = out;
    }

    /** A sink that keeps everything, for {@link #toString()}. */
    static TextSink inMemory() {
        return new TextSink(null);
    }

    StringBuilder text() {
        return text;
    }

    /** The quoted canonical text of {@code q}. */
    void number(Rational q) {
        String t = NumberWriter.format(q);
        longestNumber = Math.max(longestNumber, t.length());
        text.append('"').append(t).append('"');
    }

    int longestNumber() {
        return longestNumber;
    }

    /** Hands the buffer to the writer once it is large; a no-op in memory. */
    void spill() {
        if (out != null && text.length() >= PIECE) flush();
    }

    /** Hands everything written so far to the writer. */
    void flush() {
        if (out == null) return;
        try {
            out.append(text);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text.setLength(0);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
