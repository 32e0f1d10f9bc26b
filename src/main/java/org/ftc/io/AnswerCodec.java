package org.ftc.io;

import com.fasterxml.jackson.core.JsonToken;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ftc.arith.Rational;
import org.ftc.net.Network;

/**
 * {@code ftc-answer} version 1 (docs/formats.md): one implementation's answer to one instance in
 * the gate's line mode, one JSON object on one line. Strict like the other readers: unknown fields
 * (other than {@code x-} keys) and duplicate keys are refused, {@code network} is required exactly
 * when {@code status} is {@code "network"}.
 */
public final class AnswerCodec {
    static final Set<String> FIELDS = new LinkedHashSet<>(List.of("format", "version", "instance", "status", "network", "message"));

    /** What the implementation says about the instance. */
    public enum Status {
        /** "here is g" (exit status 0 in process mode). */
        NETWORK("network"),
        /** "this instance is infeasible" (exit status 3 in process mode). */
        INFEASIBLE("infeasible"),
        /** "no construction for this depth" (exit status 4 in process mode), the process stays alive. */
        UNSUPPORTED("unsupported"),
        /** "I failed on this instance" (a crash in process mode), the process stays alive. */
        ERROR("error");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One answer. {@code network} is present exactly for {@link Status#NETWORK}; {@code instance}
     * is the echoed instance id when the implementation sent one; {@code message} may be empty.
     */
    public record Answer(Optional<String> instance, Status status, Optional<Network<Rational>> network, String message) {
        public Answer {
            if (network.isPresent() != (status == Status.NETWORK)) {
                throw new IllegalArgumentException("a network goes with status network and only with it (status " + status.label() + ")");
            }
        }
    }

    private final ReadLimits limits;
    private final NetworkCodec networks;

    public AnswerCodec(ReadLimits limits) {
        this.limits = limits;
        this.networks = new NetworkCodec(limits);
    }

    public static final AnswerCodec DEFAULT = new AnswerCodec(ReadLimits.DEFAULT);

    public Answer read(byte[] line) throws FormatException {
        return JsonCursor.open(line, limits).read(this::document);
    }

    public Answer read(String line) throws FormatException {
        return JsonCursor.open(line, limits).read(this::document);
    }

    private Answer document(JsonCursor c) throws FormatException {
        c.first();
        Fields.object(c);
        boolean format = false;
        boolean version = false;
        Optional<String> instance = Optional.empty();
        String label = null;
        String message = "";
        Network<Rational> read = null;
        while (c.next() == JsonToken.FIELD_NAME) {
            String name = c.currentName();
            if (!Fields.known(c, name, FIELDS)) continue;
            switch (name) {
                case "format":
                    Fields.format(c, "ftc-answer");
                    format = true;
                    break;
                case "version":
                    Fields.version(c);
                    version = true;
                    break;
                case "instance":
                    instance = Optional.of(Fields.string(c));
                    break;
                case "status":
                    label = Fields.string(c);
                    break;
                case "message":
                    message = Fields.string(c);
                    break;
                default:
                    // Nested like an instance's "pretrained": format and version may be omitted, are checked when present.
                    read = networks.network(c, "network", false);
                    break;
            }
        }
        if (!format) throw Fields.missing("", "format");
        if (!version) throw Fields.missing("", "version");
        if (label == null) throw Fields.missing("", "status");
        Status status = null;
        for (Status s : Status.values()) if (s.label().equals(label)) status = s;
        if (status == null) {
            throw new FormatException("status", "expected \"network\", \"infeasible\", \"unsupported\" or \"error\", got \"" + NumberParser.shorten(label) + "\"");
        }
        Optional<Network<Rational>> network = Optional.empty();
        if (status == Status.NETWORK) {
            if (read == null) throw Fields.missing("", "network");
            network = Optional.of(read);
        } else if (read != null) {
            throw new FormatException("network", "only allowed with status \"network\", the status is \"" + label + "\"");
        }
        return new Answer(instance, status, network, message);
    }

    /** The canonical answer on one line, without the line's newline. */
    public static String writeCompact(Answer a) {
        TextSink sink = TextSink.inMemory();
        StringBuilder s = sink.text().append("{\"format\":\"ftc-answer\",\"version\":1");
        a.instance().ifPresent(id -> JsonStrings.quote(s.append(",\"instance\":"), id));
        s.append(",\"status\":\"").append(a.status().label()).append('"');
        if (a.network().isPresent()) {
            s.append(",\"network\":");
            NetworkCodec.append(sink, a.network().get(), "", false);
        }
        if (!a.message().isEmpty()) JsonStrings.quote(s.append(",\"message\":"), a.message());
        return s.append('}').toString();
    }
}
