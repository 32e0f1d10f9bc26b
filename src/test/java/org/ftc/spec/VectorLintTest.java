package org.ftc.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ftc.gate.Verdict;
import org.ftc.io.AnswerCodec;
import org.ftc.io.FormatException;
import org.ftc.io.InstanceCodec;
import org.junit.jupiter.api.Test;

/** The vector files of spec/vectors/ are well formed (spec/vectors.md): lint, not judging. */
class VectorLintTest {
    private static final Set<String> ISSUE_FLAGS = Set.of("shared-neighbour", "collinear-knot", "merged-duplicate", "conflicting-duplicate",
            "zero-residual", "hex-float", "tiny-gap", "t2l-hard", "long-number", "depth-3");

    @Test
    void everyVectorFileIsWellFormed() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(VectorFile.FOLDER)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("judge.json", "construct.json");
        Schemas schemas = new Schemas();
        for (Path p : files) {
            VectorFile v = new VectorFile(p);
            String name = p.getFileName().toString();
            assertThat(schemas.errors("ftc-vectors", v.text)).as(name + " against ftc-vectors.schema.json").isEmpty();
            List<JsonNode> tests = v.tests();
            assertThat(v.root.get("numberOfTests").asInt()).as(name + " numberOfTests").isEqualTo(tests.size());
            Set<String> defined = new TreeSet<>();
            v.root.get("flags").fieldNames().forEachRemaining(defined::add);
            Set<String> ids = new HashSet<>();
            Set<String> used = new TreeSet<>();
            List<String> problems = new ArrayList<>();
            for (JsonNode t : tests) {
                String id = t.get("id").asText();
                if (!ids.add(id)) problems.add(id + ": duplicate id");
                if (t.get("comment").asText().isBlank()) problems.add(id + ": empty comment");
                for (JsonNode f : t.get("flags")) {
                    used.add(f.asText());
                    if (!defined.contains(f.asText())) problems.add(id + ": flag " + f.asText() + " is not defined in the file");
                }
                try {
                    InstanceCodec.DEFAULT.read(t.get("instance").toString());
                } catch (FormatException e) {
                    problems.add(id + ": instance refused by the strict reader: " + e.getMessage());
                }
                if (t.has("answer")) {
                    try {
                        AnswerCodec.DEFAULT.read(t.get("answer").toString());
                    } catch (FormatException e) {
                        problems.add(id + ": answer refused by the strict reader (a malformed answer belongs in answer_line): " + e.getMessage());
                    }
                }
            }
            assertThat(problems).as(name).isEmpty();
            assertThat(used).as(name + ": every defined flag is used").isEqualTo(defined);
        }
    }

    @Test
    void theVectorsHaveTheCountsAndCoverageTheyPromise() throws Exception {
        VectorFile judge = VectorFile.named("judge.json");
        VectorFile construct = VectorFile.named("construct.json");
        assertThat(judge.root.get("kind").asText()).isEqualTo("judge");
        assertThat(construct.root.get("kind").asText()).isEqualTo("construct");
        assertThat(judge.tests()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(construct.tests()).hasSizeGreaterThanOrEqualTo(30);
        Set<Verdict.Kind> kinds = EnumSet.noneOf(Verdict.Kind.class);
        Set<String> flags = new HashSet<>();
        for (JsonNode t : judge.tests()) {
            kinds.add(Verdict.Kind.fromLabel(t.get("expected").get("verdict").asText()));
            t.get("flags").forEach(f -> flags.add(f.asText()));
        }
        assertThat(kinds).as("every verdict kind").isEqualTo(EnumSet.allOf(Verdict.Kind.class));
        assertThat(flags).containsAll(ISSUE_FLAGS);
        Set<String> constructFlags = new HashSet<>();
        boolean infeasible = false;
        for (JsonNode t : construct.tests()) {
            t.get("flags").forEach(f -> constructFlags.add(f.asText()));
            infeasible |= !t.get("expected").get("feasible").asBoolean();
        }
        assertThat(infeasible).as("some construct case is infeasible").isTrue();
        assertThat(constructFlags).containsAll(Set.of("shared-neighbour", "collinear-knot", "merged-duplicate", "conflicting-duplicate",
                "zero-residual", "hex-float", "tiny-gap", "t2l-hard", "long-number", "depth-3"));
    }
}
