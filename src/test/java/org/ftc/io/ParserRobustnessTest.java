package org.ftc.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/**
 * Parser robustness as properties: mutated and truncated valid documents and random bytes only
 * ever give a {@link FormatException} (or a valid value), never another exception, never a hang.
 */
class ParserRobustnessTest {
    private static final byte[] INSTANCE = CodecTest.PROTOCOL_INSTANCE.getBytes(StandardCharsets.UTF_8);
    private static final byte[] NETWORK = CodecTest.PROTOCOL_NETWORK.getBytes(StandardCharsets.UTF_8);
    private static final byte[] ALPHABET = "{}[]\",:0123456789-+./eEpPxX tfnul\\\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    /** One edit of a document: replace, insert or delete a byte at a position. */
    record Edit(int kind, int position, int alphabetIndex) {
    }

    private static Gen<byte[]> mutated(byte[] base) {
        Gen<Edit> edit = Gens.zip(Gens.ints(0, 2), Gens.ints(0, base.length - 1), Gens.ints(0, ALPHABET.length - 1), Edit::new);
        return Gens.zip(Gens.lists(edit, 1, 6), Gens.ints(0, base.length), (edits, cut) -> {
            byte[] doc = base.clone();
            for (Edit e : edits) doc = apply(doc, e);
            // Half the time keep it whole, otherwise truncate.
            return cut % 2 == 0 ? doc : java.util.Arrays.copyOf(doc, Math.min(cut, doc.length));
        });
    }

    private static byte[] apply(byte[] doc, Edit e) {
        if (doc.length == 0) return doc;
        int p = Math.min(e.position(), doc.length - 1);
        byte b = ALPHABET[e.alphabetIndex()];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(doc, 0, p);
        if (e.kind() == 0) out.write(b);
        else if (e.kind() == 1) {
            out.write(b);
            out.write(doc[p]);
        }
        out.write(doc, p + 1, doc.length - p - 1);
        return out.toByteArray();
    }

    private static void onlyCleanErrors(byte[] doc) {
        for (int which = 0; which < 2; which++) {
            try {
                if (which == 0) InstanceCodec.DEFAULT.read(doc);
                else NetworkCodec.DEFAULT.read(doc);
            } catch (FormatException e) {
                assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            }
        }
    }

    @Test
    void mutatedInstancesGiveOnlyCleanErrors() {
        Property.forAll(mutated(INSTANCE)).named("mutated instances").timeBudget(Duration.ofSeconds(10))
                .check((doc, ctx) -> onlyCleanErrors(doc));
    }

    @Test
    void mutatedNetworksGiveOnlyCleanErrors() {
        Property.forAll(mutated(NETWORK)).named("mutated networks").timeBudget(Duration.ofSeconds(10))
                .check((doc, ctx) -> onlyCleanErrors(doc));
    }

    @Test
    void randomBytesGiveOnlyCleanErrors() {
        Gen<byte[]> bytes = Gens.lists(Gens.ints(0, 255), 0, 200).map(list -> {
            byte[] b = new byte[list.size()];
            for (int i = 0; i < b.length; i++) b[i] = (byte) (int) list.get(i);
            return b;
        });
        Property.forAll(bytes).named("random bytes").timeBudget(Duration.ofSeconds(10)).check((doc, ctx) -> onlyCleanErrors(doc));
    }

    @Test
    void theMutatorCanBreakADocument() {
        // The property above would be vacuous if every mutation still parsed: a deleted brace must not.
        byte[] broken = apply(NETWORK, new Edit(2, 0, 0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NetworkCodec.DEFAULT.read(broken)).isInstanceOf(FormatException.class);
        assertThat(List.of(broken.length)).containsExactly(NETWORK.length - 1);
    }
}
