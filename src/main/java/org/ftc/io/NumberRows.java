package org.ftc.io;

import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.ftc.arith.Rational;

/**
 * An array of arrays of exact numbers (an instance's samples, the bulk of its file), with the
 * numbers' text turned into values on another core while the tokens are still being read.
 *
 * <p>The reading thread checks every token as {@link Fields#numbers} does (each row an array, each
 * entry a number string or bare number, the length limit) and copies each number's characters into
 * a chunk; full chunks are parsed by {@link ForkJoinPool#commonPool()}, the last one by the reading
 * thread. The errors are those of reading one number at a time, in the same order: a number's own
 * error (not in the grammar, a zero denominator, an exponent past the limit) is reported with its
 * path {@code samples[i][j]} unless an earlier number has one, and an error the reading thread finds
 * later (a row that is not an array, a token that is not a number) gives way to any number error
 * before it; an error of the document itself (its JSON) is thrown as it is, as it would win anyway
 * ({@link JsonCursor#read}).
 */
final class NumberRows {
    /** Numbers per parse task. */
    static final int CHUNK = 1 << 15;

    private final NumberParser numbers;
    private final Fields fields;
    private final int chunk;

    NumberRows(NumberParser numbers, Fields fields) {
        this(numbers, fields, CHUNK);
    }

    /** With {@code chunk} numbers per parse task (tests use tiny ones to cross many chunk boundaries). */
    NumberRows(NumberParser numbers, Fields fields, int chunk) {
        this.numbers = numbers;
        this.fields = fields;
        this.chunk = chunk;
    }

    /** The rows, from the outer array's start token to its end token. */
    List<Rational[]> read(JsonCursor c, int maxNumberLength) throws FormatException {
        Fields.array(c);
        String path = c.path();
        List<Chunk> chunks = new ArrayList<>();
        Chunk open = new Chunk(0);
        IntList rowLengths = new IntList();
        int total = 0;
        try {
            while (c.next() != JsonToken.END_ARRAY) {
                Fields.array(c);
                int length = 0;
                while (c.next() != JsonToken.END_ARRAY) {
                    JsonToken t = c.token();
                    int len = t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT ? c.textLength() : -1;
                    // Not a number, or too long to copy: read it now, which throws its error.
                    if (len < 0 || len > maxNumberLength) fields.number(c);
                    open.add(c.chars(), c.textOffset(), len);
                    length++;
                    total++;
                    if (open.count == chunk) {
                        open.submit(numbers);
                        chunks.add(open);
                        open = new Chunk(total);
                    }
                }
                rowLengths.add(length);
            }
        } catch (FormatException e) {
            if (!c.isDocumentError(e)) {
                // Numbers before this point come first; the open chunk is parsed here.
                open.parseHere(numbers);
                chunks.add(open);
                firstError(chunks, path, rowLengths);
            }
            throw e;
        }
        open.parseHere(numbers);
        chunks.add(open);
        firstError(chunks, path, rowLengths);
        Rational[] all = new Rational[total];
        for (Chunk chunk : chunks) System.arraycopy(chunk.values(), 0, all, chunk.first, chunk.count);
        List<Rational[]> rows = new ArrayList<>(rowLengths.size);
        int at = 0;
        for (int r = 0; r < rowLengths.size; r++) {
            rows.add(Arrays.copyOfRange(all, at, at + rowLengths.values[r]));
            at += rowLengths.values[r];
        }
        return rows;
    }

    /** Throws the error of the first number that has one, with that number's path. */
    private static void firstError(List<Chunk> chunks, String path, IntList rowLengths) throws FormatException {
        for (Chunk chunk : chunks) {
            chunk.await();
            if (chunk.errorAt < 0) continue;
            long index = (long) chunk.first + chunk.errorAt;
            int row = 0;
            while (row < rowLengths.size && index >= rowLengths.values[row]) index -= rowLengths.values[row++];
            throw new FormatException(Fields.item(Fields.item(path, row), (int) index), chunk.error.problem());
        }
    }

    /** Numbers {@code first .. first + count - 1} of the array, as text, then as values. */
    private static final class Chunk {
        final int first;
        int count;
        private char[] text = new char[1 << 12];
        private int used;
        private int[] bounds = new int[2 * 64];
        private Future<?> task;
        private Rational[] values;
        int errorAt = -1;
        FormatException error;

        Chunk(int first) {
            this.first = first;
        }

        void add(char[] s, int off, int len) {
            if (used + len > text.length) text = Arrays.copyOf(text, Math.max(2 * text.length, used + len));
            System.arraycopy(s, off, text, used, len);
            if (2 * count + 2 > bounds.length) bounds = Arrays.copyOf(bounds, 2 * bounds.length);
            bounds[2 * count] = used;
            bounds[2 * count + 1] = len;
            used += len;
            count++;
        }

        void submit(NumberParser numbers) {
            task = ForkJoinPool.commonPool().submit(() -> parse(numbers));
        }

        void parseHere(NumberParser numbers) {
            parse(numbers);
        }

        /** Parses up to the first error; the text is dropped once read. */
        private void parse(NumberParser numbers) {
            Rational[] out = new Rational[count];
            for (int i = 0; i < count; i++) {
                try {
                    out[i] = numbers.parse(text, bounds[2 * i], bounds[2 * i + 1]);
                } catch (FormatException e) {
                    errorAt = i;
                    error = e;
                    break;
                }
            }
            values = out;
            text = null;
            bounds = null;
        }

        void await() throws FormatException {
            if (task == null) return;
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FormatException("", "interrupted while reading numbers");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            }
        }

        Rational[] values() {
            return values;
        }
    }

    /** A growing list of ints. */
    private static final class IntList {
        int[] values = new int[64];
        int size;

        void add(int v) {
            if (size == values.length) values = Arrays.copyOf(values, 2 * size);
            values[size++] = v;
        }
    }
}
