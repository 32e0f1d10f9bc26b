package org.ftc.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Implementation output is data: no string it writes can make the gate's files unwritable or invalid. */
class TextTest {
    /** Decodes strictly: throws on any malformed UTF-8. */
    static String strictUtf8(byte[] bytes) throws Exception {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    static void assertWellFormedXml(byte[] bytes) throws Exception {
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    @Test
    void loneSurrogatesBecomeReplacementCharactersAndPairsStay() {
        assertThat(Text.wellFormed("a\uD800b")).isEqualTo("a\uFFFDb");
        assertThat(Text.wellFormed("\uDC00")).isEqualTo("\uFFFD");
        assertThat(Text.wellFormed("x\uD83D")).isEqualTo("x\uFFFD");
        assertThat(Text.wellFormed("\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
        assertThat(Text.wellFormed("\uDE00\uD83D")).isEqualTo("\uFFFD\uFFFD"); // reversed: not a pair
    }

    @Test
    void shorteningNeverCutsAPair() {
        String emojis = "\uD83D\uDE00".repeat(100);
        String cut = Text.shorten(emojis, 60);
        assertThat(cut).endsWith("...").hasSizeLessThanOrEqualTo(60);
        assertThat(Text.wellFormed(cut)).isEqualTo(cut);
    }

    @Test
    void xmlTextKeepsNoForbiddenCharacter() throws Exception {
        String evil = "<a & \"b\"> \u0001 \uFFFF \uFFFE \uD800 \r \uD83D\uDE00";
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><r a=\"" + Text.xml(evil) + "\">" + Text.xml(evil) + "</r>";
        assertWellFormedXml(doc.getBytes(StandardCharsets.UTF_8));
        assertThat(Text.xml(evil)).contains("\uD83D\uDE00").doesNotContain("\uFFFF").doesNotContain("\u0001");
    }

    @Test
    void aVerdictWithALoneSurrogateIsValidUtf8Json() throws Exception {
        Verdict v = Verdict.of(Verdict.Kind.CRASH, "bad \uD800 end").withRun(1, "tail \uDFFF \uFFFF", 5);
        String json = strictUtf8(GateFiles.utf8(v.toJson("id\uD83D", "case", "dir/a\nb.json")));
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(node.get("message").asText()).isEqualTo("bad \uFFFD end");
        assertThat(node.get("stderr").asText()).isEqualTo("tail \uFFFD \uFFFF");
        assertThat(node.get("instance").asText()).isEqualTo("id\uFFFD");
        assertThat(node.get("file").asText()).isEqualTo("dir/a\nb.json");
    }

    @Test
    void aTailCutInsideAnEmojiStartsAtTheNextCharacter() {
        byte[] emoji = "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8); // 4 bytes
        byte[] all = new byte[emoji.length + StreamTail.LIMIT - 2];
        System.arraycopy(emoji, 0, all, 0, emoji.length);
        java.util.Arrays.fill(all, emoji.length, all.length, (byte) 'a');
        StreamTail t = new StreamTail(new ByteArrayInputStream(all), "test");
        assertThat(t.awaitEnd(10_000)).isTrue();
        String tail = t.takeText();
        assertThat(tail).isEqualTo("a".repeat(StreamTail.LIMIT - 2)); // the cut fell 2 bytes into the emoji
    }

    @Test
    void theGatesFilesStayValidWhateverTheImplementationWrites(@TempDir Path dir) throws Exception {
        // Standard error: an emoji cut by the 4 KiB tail, a UTF-8-encoded lone surrogate (ED A0 80),
        // U+FFFF, a control character; per process, the crash verdict carries it into every file.
        String perProcess = "cat >/dev/null; printf '\\360\\237\\230\\200'; head -c 4094 /dev/zero | tr '\\0' a >&2;"
                + " printf '\\355\\240\\200 \\357\\277\\277 \\001 \\360\\237\\230\\200\\n' >&2; exit 1";
        // Line mode: the answer's message holds JSON escapes of a lone surrogate and of U+FFFF.
        String lineMode = "while read l; do id=$(printf '%s' \"$l\" | sed 's/.*\"id\":\"\\([^\"]*\\)\".*/\\1/');"
                + " printf '%s%s%s\\n' '{\"format\":\"ftc-answer\",\"version\":1,\"instance\":\"' \"$id\" '\",\"status\":\"error\",\"message\":\"x\\ud800 \\uffff \\u0002\"}'; done";
        for (GateConfig config : List.of(GateConfig.of(perProcess), GateConfig.of(lineMode).withLineMode(true))) {
            Path out = dir.resolve(config.lineMode() ? "line" : "process");
            GateReport r = new Gate(config.withOutputFolder(out).withShrinking(Duration.ZERO, 0), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .run(Gate.generated(GateInstances.instances(2, 4, 2), 9, 3), null);
            assertThat(r.counts()).as(r.describe(null)).containsEntry(Verdict.Kind.CRASH, 3);
            List<String> lines = strictUtf8(Files.readAllBytes(out.resolve("results.jsonl"))).lines().toList();
            assertThat(lines).hasSize(4);
            for (String l : lines) new com.fasterxml.jackson.databind.ObjectMapper().readTree(l);
            assertWellFormedXml(Files.readAllBytes(out.resolve("junit.xml")));
            for (Path p : Files.list(out.resolve("cases")).toList()) {
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(strictUtf8(Files.readAllBytes(p.resolve("verdict.json"))));
            }
            assertThat(Files.list(out.resolve("counterexamples")).count()).isEqualTo(3);
        }
    }
}
