package org.ftc.io;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
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
 * {@code ftc-instance} version 1 (spec/protocol.md, docs/formats.md): strict reading and canonical
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

    private final ReadLimits limits;
    private final Fields fields;
    private final NetworkCodec networks;

    public InstanceCodec(ReadLimits limits) {
        this.limits = limits;
        this.fields = new Fields(new NumberParser(limits));
        this.networks = new NetworkCodec(limits);
    }

    public static final InstanceCodec DEFAULT = new InstanceCodec(ReadLimits.DEFAULT);

    /** Reads a document from {@code in} as it arrives, refused as soon as it passes the byte limit. */
    public Instance read(InputStream in) throws FormatException, IOException {
        return JsonCursor.open(in, limits).readStream(this::document);
    }

    public ReadLimits limits() {
        return limits;
    }

    public Instance read(byte[] bytes) throws FormatException {
        return JsonCursor.open(bytes, limits).read(this::document);
    }

    public Instance read(String text) throws FormatException {
        return JsonCursor.open(text, limits).read(this::document);
    }

    /** One change as read: the index's source text (null: absent) and the label (null: absent). */
    private record Change(String index, Rational label) {
    }

    private Instance document(JsonCursor c) throws FormatException {
        c.first();
        Fields.object(c);
        boolean format = false;
        boolean version = false;
        String id = "";
        Integer declared = null;
        List<Rational[]> sampleList = null;
        Network<Rational> f = null;
        List<Change> changeList = null;
        Integer depth = null;
        while (c.next() == JsonToken.FIELD_NAME) {
            String name = c.currentName();
            if (!Fields.known(c, name, FIELDS)) continue;
            switch (name) {
                case "format":
                    Fields.format(c, "ftc-instance");
                    format = true;
                    break;
                case "version":
                    Fields.version(c);
                    version = true;
                    break;
                case "id":
                    id = c.token() == JsonToken.VALUE_NULL ? "" : Fields.string(c);
                    break;
                case "input_dimension":
                    declared = Fields.integer(c, 1, Integer.MAX_VALUE);
                    break;
                case "samples":
                    Fields.array(c);
                    sampleList = new ArrayList<>();
                    while (c.next() != JsonToken.END_ARRAY) sampleList.add(fields.numbers(c));
                    break;
                case "pretrained":
                    f = c.token() == JsonToken.VALUE_NULL ? null : networks.network(c, "pretrained", false);
                    break;
                case "changes":
                    changeList = changes(c);
                    break;
                default:
                    depth = Fields.integer(c, 1, MAX_DEPTH);
                    break;
            }
        }
        if (!format) throw Fields.missing("", "format");
        if (!version) throw Fields.missing("", "version");
        if (sampleList == null) throw Fields.missing("", "samples");
        int d;
        String dSource;
        if (!sampleList.isEmpty()) {
            d = sampleList.get(0).length;
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
        Rational[][] samples = sampleList.toArray(new Rational[0][]);
        for (int i = 0; i < samples.length; i++) {
            if (samples[i].length != d) {
                throw new FormatException(Fields.item("samples", i), "has " + samples[i].length + " coordinates, expected " + d + " (like " + dSource + ")");
            }
        }
        if (changeList == null) throw Fields.missing("", "changes");
        Map<Integer, Rational> changes = new TreeMap<>();
        for (int k = 0; k < changeList.size(); k++) {
            String cp = Fields.item("changes", k);
            String ip = Fields.child(cp, "index");
            Change change = changeList.get(k);
            if (change.index() == null) throw Fields.missing(cp, "index");
            if (samples.length == 0) throw new FormatException(ip, "there are no samples to change");
            int index = Fields.inRange(change.index(), ip, 0, samples.length - 1);
            if (change.label() == null) throw Fields.missing(cp, "label");
            if (changes.containsKey(index)) throw new FormatException(ip, "sample " + index + " is changed twice");
            changes.put(index, change.label());
        }
        if (depth == null) throw Fields.missing("", "depth");
        if (f == null) f = Network.zero(RationalField.INSTANCE, d, 2);
        return new Instance(id, d, samples, f, changes, depth);
    }

    private List<Change> changes(JsonCursor c) throws FormatException {
        Fields.array(c);
        List<Change> changes = new ArrayList<>();
        while (c.next() != JsonToken.END_ARRAY) {
            Fields.object(c);
            String index = null;
            Rational label = null;
            while (c.next() == JsonToken.FIELD_NAME) {
                String name = c.currentName();
                if (!Fields.known(c, name, CHANGE_FIELDS)) continue;
                if (name.equals("index")) {
                    // Checked against the number of samples once they are all read.
                    if (c.token() != JsonToken.VALUE_NUMBER_INT) throw new FormatException(c.path(), "expected an integer, got " + c.describe());
                    index = c.text();
                } else {
                    label = fields.number(c);
                }
            }
            changes.add(new Change(index, label));
        }
        return changes;
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

    /**
     * The canonical document, as {@link #write(Instance)}, streamed to {@code out} as it is written.
     *
     * @throws IOException if {@code out} fails
     */
    public static void write(Instance instance, Writer out) throws IOException {
        TextSink s = new TextSink(out);
        try {
            write(s, instance, true);
            s.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String write(Instance instance, boolean pretty) {
        TextSink s = TextSink.inMemory();
        write(s, instance, pretty);
        return s.toString();
    }

    private static void write(TextSink sink, Instance instance, boolean pretty) {
        String nl = pretty ? "\n  " : "";
        String sp = pretty ? " " : "";
        StringBuilder s = sink.text().append("{\"format\":").append(sp).append("\"ftc-instance\",").append(sp).append("\"version\":").append(sp).append("1,");
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
                sink.number(x[j]);
            }
            s.append(']');
            sink.spill();
        }
        s.append("],").append(nl).append("\"pretrained\":").append(sp);
        NetworkCodec.append(sink, instance.pretrained(), pretty ? "  " : "", pretty);
        s.append(',').append(nl).append("\"changes\":").append(sp).append('[');
        boolean first = true;
        for (Map.Entry<Integer, Rational> e : instance.changes().entrySet()) {
            if (!first) s.append(',');
            first = false;
            if (pretty) s.append(nl).append("  ");
            s.append("{\"index\":").append(sp).append(e.getKey()).append(',').append(sp).append("\"label\":").append(sp);
            sink.number(e.getValue());
            s.append('}');
            sink.spill();
        }
        s.append("],").append(nl).append("\"depth\":").append(sp).append(instance.depth()).append('}');
        if (pretty) s.append('\n');
    }
}
