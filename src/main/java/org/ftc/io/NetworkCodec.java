package org.ftc.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    private final JsonReader json;
    private final Fields fields;

    public NetworkCodec(ReadLimits limits) {
        this.json = new JsonReader(limits);
        this.fields = new Fields(new NumberParser(limits));
    }

    public static final NetworkCodec DEFAULT = new NetworkCodec(ReadLimits.DEFAULT);

    public Network<Rational> read(InputStream in) throws FormatException, IOException {
        return fromJson(json.read(in), "", true);
    }

    public Network<Rational> read(byte[] bytes) throws FormatException {
        return fromJson(json.parse(bytes), "", true);
    }

    public Network<Rational> read(String text) throws FormatException {
        return fromJson(json.parse(text), "", true);
    }

    /**
     * A network at {@code path}. {@code format} and {@code version} are required at the top of a
     * document and optional for a network nested in an instance (checked when present).
     */
    Network<Rational> fromJson(Json v, String path, boolean topLevel) throws FormatException {
        Map<String, Json> top = Fields.object(v, path, TOP_FIELDS);
        if (topLevel || top.containsKey("format") || top.containsKey("version")) Fields.constant(top, path, "ftc-network");
        String dimPath = Fields.child(path, "input_dimension");
        int d = Fields.integer(Fields.required(top, path, "input_dimension"), dimPath, 1, Integer.MAX_VALUE);
        String layersPath = Fields.child(path, "layers");
        List<Json> layerList = Fields.array(Fields.required(top, path, "layers"), layersPath);
        if (layerList.isEmpty()) throw new FormatException(layersPath, "a network needs at least one layer");
        RationalField q = RationalField.INSTANCE;
        List<Layer<Rational>> layers = new ArrayList<>();
        int width = d;
        for (int l = 0; l < layerList.size(); l++) {
            String lp = Fields.item(layersPath, l);
            Map<String, Json> layer = Fields.object(layerList.get(l), lp, LAYER_FIELDS);
            String wp = Fields.child(lp, "weights");
            String bp = Fields.child(lp, "biases");
            List<Json> rows = Fields.array(Fields.required(layer, lp, "weights"), wp);
            List<Json> biasList = Fields.array(Fields.required(layer, lp, "biases"), bp);
            String source = l == 0 ? "input_dimension" : "the width of layers[" + (l - 1) + "]";
            Rational[][] w = new Rational[rows.size()][];
            for (int i = 0; i < rows.size(); i++) {
                String rp = Fields.item(wp, i);
                List<Json> row = Fields.array(rows.get(i), rp);
                if (row.size() != width) {
                    throw new FormatException(rp, "has " + row.size() + " entries, expected " + width + " (" + source + ")");
                }
                w[i] = new Rational[width];
                for (int j = 0; j < width; j++) w[i][j] = fields.number(row.get(j), Fields.item(rp, j));
            }
            if (biasList.size() != rows.size()) {
                throw new FormatException(bp, "has " + biasList.size() + " entries but weights has " + rows.size() + " rows");
            }
            Rational[] b = new Rational[biasList.size()];
            for (int i = 0; i < b.length; i++) b[i] = fields.number(biasList.get(i), Fields.item(bp, i));
            if (l == layerList.size() - 1 && rows.size() != 1) {
                throw new FormatException(wp, "the last layer must have exactly one output row, it has " + rows.size());
            }
            layers.add(new Layer<>(q, width, w, b));
            width = rows.size();
        }
        return new Network<>(q, d, layers);
    }

    // ------------------------------------------------------------------ writing

    /** The canonical document, indented, ending with a newline. */
    public static <T> String write(Network<T> g) {
        StringBuilder s = new StringBuilder();
        append(s, g, "", true);
        return s.append('\n').toString();
    }

    /** The canonical document on one line (for line mode and embedding). */
    public static <T> String writeCompact(Network<T> g) {
        StringBuilder s = new StringBuilder();
        append(s, g, "", false);
        return s.toString();
    }

    static <T> void append(StringBuilder s, Network<T> g, String indent, boolean pretty) {
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
                    quote(s, f.toRational(layer.weight(i, j)));
                }
                s.append(']');
            }
            s.append("],");
            if (pretty) s.append(nl).append("   ");
            s.append("\"biases\":").append(sp).append('[');
            for (int i = 0; i < layer.width(); i++) {
                if (i > 0) s.append(',').append(sp);
                quote(s, f.toRational(layer.bias(i)));
            }
            s.append("]}");
        }
        s.append("]}");
    }

    /**
     * The length of the longest quoted token in a document this codec wrote: every number is a
     * quoted string there, and the only other strings are short keys and the format name. Reads the
     * text once instead of formatting every weight again.
     */
    public static int longestNumber(String written) {
        int longest = 0;
        for (int i = written.indexOf('"'); i >= 0; ) {
            int close = written.indexOf('"', i + 1);
            if (close < 0) break;
            longest = Math.max(longest, close - i - 1);
            i = written.indexOf('"', close + 1);
        }
        return longest;
    }

    static void quote(StringBuilder s, Rational q) {
        s.append('"').append(NumberWriter.format(q)).append('"');
    }
}
