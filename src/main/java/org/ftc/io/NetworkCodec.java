package org.ftc.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ftc.arith.Field;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.net.Layer;
import org.ftc.net.Network;

/**
 * {@code ftc-network} version 1 (spec/protocol.md, docs/formats.md): strict reading into an exact
 * {@code Network<Rational>} and canonical writing ({@code "n"} or {@code "n/d"} for every number).
 */
public final class NetworkCodec {
    static final Set<String> TOP_FIELDS = new LinkedHashSet<>(List.of("format", "version", "input_dimension", "layers"));
    static final Set<String> LAYER_FIELDS = new LinkedHashSet<>(List.of("weights", "biases"));

    private final ReadLimits limits;
    private final Fields fields;

    public NetworkCodec(ReadLimits limits) {
        this.limits = limits;
        this.fields = new Fields(new NumberParser(limits));
    }

    public static final NetworkCodec DEFAULT = new NetworkCodec(ReadLimits.DEFAULT);

    /** Reads a document from {@code in} as it arrives, refused as soon as it passes the byte limit. */
    public Network<Rational> read(InputStream in) throws FormatException, IOException {
        return JsonCursor.open(in, limits).readStream(this::document);
    }

    public ReadLimits limits() {
        return limits;
    }

    public Network<Rational> read(byte[] bytes) throws FormatException {
        return JsonCursor.open(bytes, limits).read(this::document);
    }

    public Network<Rational> read(String text) throws FormatException {
        return JsonCursor.open(text, limits).read(this::document);
    }

    private Network<Rational> document(JsonCursor c) throws FormatException {
        c.first();
        return network(c, "", true);
    }

    /** One layer as read, before its shape is checked against its neighbours (null: the field was absent). */
    private record Read(Rational[][] weights, Rational[] biases) {
    }

    /**
     * The network at the cursor, at {@code path}. {@code format} and {@code version} are required
     * at the top of a document and optional for a network nested in an instance (checked when
     * present). Numbers are read as they come; the shapes are checked once the object is read,
     * since {@code input_dimension} may follow {@code layers}.
     */
    Network<Rational> network(JsonCursor c, String path, boolean topLevel) throws FormatException {
        Fields.object(c);
        boolean format = false;
        boolean version = false;
        Integer dimension = null;
        List<Read> read = null;
        while (c.next() == JsonToken.FIELD_NAME) {
            String name = c.currentName();
            if (!Fields.known(c, name, TOP_FIELDS)) continue;
            switch (name) {
                case "format":
                    Fields.format(c, "ftc-network");
                    format = true;
                    break;
                case "version":
                    Fields.version(c);
                    version = true;
                    break;
                case "input_dimension":
                    dimension = Fields.integer(c, 1, Integer.MAX_VALUE);
                    break;
                default:
                    read = layers(c);
                    break;
            }
        }
        if (topLevel || format || version) {
            if (!format) throw Fields.missing(path, "format");
            if (!version) throw Fields.missing(path, "version");
        }
        if (dimension == null) throw Fields.missing(path, "input_dimension");
        String layersPath = Fields.child(path, "layers");
        if (read == null) throw Fields.missing(path, "layers");
        if (read.isEmpty()) throw new FormatException(layersPath, "a network needs at least one layer");
        RationalField q = RationalField.INSTANCE;
        List<Layer<Rational>> layers = new ArrayList<>();
        int width = dimension;
        for (int l = 0; l < read.size(); l++) {
            String lp = Fields.item(layersPath, l);
            Rational[][] w = read.get(l).weights();
            Rational[] b = read.get(l).biases();
            if (w == null) throw Fields.missing(lp, "weights");
            if (b == null) throw Fields.missing(lp, "biases");
            String wp = Fields.child(lp, "weights");
            String source = l == 0 ? "input_dimension" : "the width of layers[" + (l - 1) + "]";
            for (int i = 0; i < w.length; i++) {
                if (w[i].length != width) {
                    throw new FormatException(Fields.item(wp, i), "has " + w[i].length + " entries, expected " + width + " (" + source + ")");
                }
            }
            if (b.length != w.length) {
                throw new FormatException(Fields.child(lp, "biases"), "has " + b.length + " entries but weights has " + w.length + " rows");
            }
            if (l == read.size() - 1 && w.length != 1) {
                throw new FormatException(wp, "the last layer must have exactly one output row, it has " + w.length);
            }
            layers.add(new Layer<>(q, width, w, b));
            width = w.length;
        }
        return new Network<>(q, dimension, layers);
    }

    private List<Read> layers(JsonCursor c) throws FormatException {
        Fields.array(c);
        List<Read> layers = new ArrayList<>();
        while (c.next() != JsonToken.END_ARRAY) {
            Fields.object(c);
            Rational[][] weights = null;
            Rational[] biases = null;
            while (c.next() == JsonToken.FIELD_NAME) {
                String name = c.currentName();
                if (!Fields.known(c, name, LAYER_FIELDS)) continue;
                if (name.equals("weights")) weights = rows(c);
                else biases = fields.numbers(c);
            }
            layers.add(new Read(weights, biases));
        }
        return layers;
    }

    private Rational[][] rows(JsonCursor c) throws FormatException {
        Fields.array(c);
        List<Rational[]> rows = new ArrayList<>();
        while (c.next() != JsonToken.END_ARRAY) rows.add(fields.numbers(c));
        return rows.toArray(new Rational[0][]);
    }

    // ------------------------------------------------------------------ writing

    /** The canonical document, indented, ending with a newline. */
    public static <T> String write(Network<T> g) {
        TextSink s = TextSink.inMemory();
        append(s, g, "", true);
        return s.text().append('\n').toString();
    }

    /**
     * The canonical document, as {@link #write(Network)}, streamed to {@code out} as it is written.
     * Returns the length of the longest number written.
     *
     * @throws IOException if {@code out} fails
     */
    public static <T> int write(Network<T> g, Writer out) throws IOException {
        TextSink s = new TextSink(out);
        try {
            append(s, g, "", true);
            s.text().append('\n');
            s.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return s.longestNumber();
    }

    /** The canonical document on one line (for line mode and embedding). */
    public static <T> String writeCompact(Network<T> g) {
        TextSink s = TextSink.inMemory();
        append(s, g, "", false);
        return s.toString();
    }

    static <T> void append(TextSink sink, Network<T> g, String indent, boolean pretty) {
        StringBuilder s = sink.text();
        String nl = pretty ? "\n" + indent : "";
        String sp = pretty ? " " : "";
        Field<T> f = g.field();
        s.append("{\"format\":").append(sp).append("\"ftc-network\",").append(sp).append("\"version\":").append(sp).append("1,")
                .append(sp).append("\"input_dimension\":").append(sp).append(g.inputDimension()).append(',').append(sp)
                .append("\"layers\":").append(sp).append('[');
        List<Layer<T>> layers = g.layers();
        for (int l = 0; l < layers.size(); l++) {
            Layer<T> layer = layers.get(l);
            if (l > 0) s.append(',');
            s.append(pretty ? nl + "  " : "").append("{\"weights\":").append(sp).append('[');
            for (int i = 0; i < layer.width(); i++) {
                if (i > 0) s.append(',');
                if (pretty) s.append(nl).append("     ");
                s.append('[');
                for (int j = 0; j < layer.inputs(); j++) {
                    if (j > 0) s.append(',').append(sp);
                    sink.number(f.toRational(layer.weight(i, j)));
                }
                s.append(']');
                sink.spill();
            }
            s.append("],");
            if (pretty) s.append(nl).append("   ");
            s.append("\"biases\":").append(sp).append('[');
            for (int i = 0; i < layer.width(); i++) {
                if (i > 0) s.append(',').append(sp);
                sink.number(f.toRational(layer.bias(i)));
                sink.spill();
            }
            s.append("]}");
        }
        s.append("]}");
    }

}
