package org.ftc.conformance;

import java.util.Objects;
import java.util.Optional;
import org.ftc.net.Network;

/**
 * What a JVM implementation says about one instance: here is {@code g}, the instance is
 * infeasible, or the implementation does not support it (for example another depth). The three
 * outcomes of the protocol's exit statuses 0, 3 and 4 (spec/protocol.md, section 6).
 */
public final class Answer {
    enum Kind { NETWORK, INFEASIBLE, UNSUPPORTED }

    private final Kind kind;
    private final Network<?> network;
    private final String message;

    private Answer(Kind kind, Network<?> network, String message) {
        this.kind = kind;
        this.network = network;
        this.message = message;
    }

    /** Here is {@code g}, in any field: its weights are judged as the exact values they hold. */
    public static Answer network(Network<?> g) {
        return new Answer(Kind.NETWORK, Objects.requireNonNull(g, "g"), "");
    }

    /** The instance is infeasible (two equal samples need different outputs). */
    public static Answer infeasible() {
        return new Answer(Kind.INFEASIBLE, null, "");
    }

    /** No construction for this instance (for example its depth): the verdict {@code unsupported}, not a pass. */
    public static Answer unsupported(String why) {
        return new Answer(Kind.UNSUPPORTED, null, Objects.requireNonNull(why, "why"));
    }

    Kind kind() {
        return kind;
    }

    Optional<Network<?>> networkValue() {
        return Optional.ofNullable(network);
    }

    String message() {
        return message;
    }
}
