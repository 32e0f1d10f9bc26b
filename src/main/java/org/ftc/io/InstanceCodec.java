package org.ftc.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.instance.Instance;
import org.ftc.net.Network;

/**
 * {@code ftc-instance} version 1 (PROTOCOL.md, docs/formats.md): strict reading and canonical
 * writing. The input dimension {@code d} is the length of the samples; with no samples it is the
 * pre-trained network's {@code input_dimension}, else the optional {@code input_dimension} field
 * (an addition documented in docs/formats.md), else 1.
 */
public final class InstanceCodec {
    static final Set<String> FIELDS = new LinkedHashSet<>(
            List.of("format", "version", "id", "input_dimension", "samples", "pretrained", "changes", "depth"));
    /** The deepest network an instance may ask for (the reader refuses more; generators must stay within). */
    public static final int MAX_DEPTH = 1000;
    static final Set<String> CHANGE_FIELDS = new LinkedHashSet<>(List.of("index", "label"));

    private final JsonReader json;
    private final Fields fields;
    private final NetworkCodec networks;

    public InstanceCodec(ReadLimits limits) {
        this.json = new JsonReader(limits);
        this.fields = new Fields(new NumberParser(limits));
        this.networks = new NetworkCodec(limits);
    }

    public static final InstanceCodec DEFAULT = new InstanceCodec(ReadLimits.DEFAULT);

    public Instance read(InputStream in) throws FormatException, IOException {
        return fromJson(json.read(in));
    }

    public Instance read(byte[] bytes) throws FormatException {
        return fromJson(json.parse(bytes));
    }

    public Instance read(String text) throws FormatException {
        return fromJson(json.parse(text));
    }

    Instance fromJson(Json v) throws FormatException {
        Map<String, Json> top = Fields.object(v, "", FIELDS);
        Fields.constant(top, "", "ftc-instance");
        String id = "";
        Json idValue = top.get("id");
        if (idValue != null && !(idValue instanceof Json.Null)) id = Fields.string(idValue, "id");

        List<Json> sampleList = Fields.array(Fields.required(top, "", "samples"), "samples");
        Json pre = top.get("pretrained");
        Network<Rational> f = pre == null || pre instanceof Json.Null ? null : networks.fromJson(pre, "pretrained", false);
        Integer declared = top.containsKey("input_dimension")
                ? Fields.integer(top.get("input_dimension"), "input_dimension", 1, Integer.MAX_VALUE) : null;
        int d;
        String dSource;
        if (!sampleList.isEmpty()) {
            d = Fields.array(sampleList.get(0), "samples[0]").size();
            if (d == 0) throw new FormatException("samples[0]", "a sample needs at least one coordinate");
            dSource = "samples[0]";
        } else if (f != null) {
            d = f.inputDimension();
            dSource = "pretrained.input_dimension";
        } else if (declared != null) {
            d = declared;
            dSource = "input_dimension";
        } else {
            d = 1;
            dSource = "the default";
        }
        if (declared != null && declared != d) {
            throw new FormatException("input_dimension", "is " + declared + " but " + dSource + " gives " + d);
        }
        if (f != null && f.inputDimension() != d) {
            throw new FormatException("pretrained.input_dimension", "is " + f.inputDimension() + " but the samples have " + d + " coordinates");
        }
        Rational[][] samples = new Rational[sampleList.size()][];
        for (int i = 0; i < samples.length; i++) {
            String sp = Fields.item("samples", i);
            List<Json> coords = Fields.array(sampleList.get(i), sp);
            if (coords.size() != d) throw new FormatException(sp, "has " + coords.size() + " coordinates, expected " + d + " (like " + dSource + ")");
            samples[i] = new Rational[d];
            for (int j = 0; j < d; j++) samples[i][j] = fields.number(coords.get(j), Fields.item(sp, j));
        }

        List<Json> changeList = Fields.array(Fields.required(top, "", "changes"), "changes");
        Map<Integer, Rational> changes = new TreeMap<>();
        for (int c = 0; c < changeList.size(); c++) {
            String cp = Fields.item("changes", c);
            Map<String, Json> change = Fields.object(changeList.get(c), cp, CHANGE_FIELDS);
            String ip = Fields.child(cp, "index");
            if (samples.length == 0) {
                Fields.required(change, cp, "index");
                throw new FormatException(ip, "there are no samples to change");
            }
            int index = Fields.integer(Fields.required(change, cp, "index"), ip, 0, samples.length - 1);
            Rational label = fields.number(Fields.required(change, cp, "label"), Fields.child(cp, "label"));
            if (changes.containsKey(index)) throw new FormatException(ip, "sample " + index + " is changed twice");
            changes.put(index, label);
        }
        int depth = Fields.integer(Fields.required(top, "", "depth"), "depth", 1, MAX_DEPTH);
        if (f == null) f = Network.zero(RationalField.INSTANCE, d, 2);
        return new Instance(id, d, samples, f, changes, depth);
    }

    // ------------------------------------------------------------------ writing

    /** The canonical document, one sample per line, ending with a newline. */
    public static String write(Instance instance) {
        return write(instance, true);
    }

    /** The canonical document on one line (for line mode). */
    public static String writeCompact(Instance instance) {
        return write(instance, false);
    }

    private static String write(Instance instance, boolean pretty) {
        String nl = pretty ? "\n  " : "";
        String sp = pretty ? " " : "";
        StringBuilder s = new StringBuilder("{\"format\":").append(sp).append("\"ftc-instance\",").append(sp).append("\"version\":").append(sp).append("1,");
        if (!instance.id().isEmpty()) {
            s.append(sp).append("\"id\":").append(sp);
            JsonStrings.quote(s, instance.id());
            s.append(',');
        }
        s.append(nl).append("\"samples\":").append(sp).append('[');
        for (int i = 0; i < instance.sampleCount(); i++) {
            if (i > 0) s.append(',');
            if (pretty) s.append(nl).append("  ");
            s.append('[');
            Rational[] x = instance.sample(i);
            for (int j = 0; j < x.length; j++) {
                if (j > 0) s.append(',').append(sp);
                NetworkCodec.quote(s, x[j]);
            }
            s.append(']');
        }
        s.append("],").append(nl).append("\"pretrained\":").append(sp);
        NetworkCodec.append(s, instance.pretrained(), pretty ? "  " : "", pretty);
        s.append(',').append(nl).append("\"changes\":").append(sp).append('[');
        boolean first = true;
        for (Map.Entry<Integer, Rational> e : instance.changes().entrySet()) {
            if (!first) s.append(',');
            first = false;
            if (pretty) s.append(nl).append("  ");
            s.append("{\"index\":").append(sp).append(e.getKey()).append(',').append(sp).append("\"label\":").append(sp);
            NetworkCodec.quote(s, e.getValue());
            s.append('}');
        }
        s.append("],").append(nl).append("\"depth\":").append(sp).append(instance.depth()).append('}');
        if (pretty) s.append('\n');
        return s.toString();
    }
}
