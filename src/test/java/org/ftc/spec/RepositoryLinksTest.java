package org.ftc.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** No file of the repository points outside it (spec/design.md, "How the contract is kept honest"). */
class RepositoryLinksTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void noFileOfTheRepositoryPointsOutsideIt() throws Exception {
        Set<String> files = RepositoryLinks.repositoryFiles(ROOT);
        assertThat(files).contains("README.md", "spec/protocol.md", "pom.xml");
        List<String> problems = new RepositoryLinks(ROOT, files).problems();
        assertThat(problems).as("references to outside the repository").isEmpty();
    }

    @Test
    void theCheckerFindsEachKindOfOutsideReference() {
        RepositoryLinks links = new RepositoryLinks(ROOT, Set.of("README.md", "docs/gate.md", "spec/protocol.md", "proofs-notes/T2U-hats.md"));
        // The outside paths are assembled, so that this file itself names no path outside the repository.
        String shared = "sha" + "red";
        assertThat(links.problems("docs/formats.md", "The contract is `/" + "work/" + shared + "/spec/x.txt`.")).isNotEmpty();
        assertThat(links.problems("docs/formats.md", "see .." + "/" + shared + "/notes")).isNotEmpty();
        assertThat(links.problems("docs/formats.md", "see .." + "/../outside/file")).isNotEmpty();
        assertThat(links.problems("docs/formats.md", "as in THEORY section 3")).isNotEmpty();
        assertThat(links.problems("docs/formats.md", "as PROTOCOL.md says")).isNotEmpty();
        assertThat(links.problems("docs/formats.md", "see docs/missing.md")).isNotEmpty();
        assertThat(links.problems("docs/formats.md", "see [the gate](nowhere.txt)")).isNotEmpty();
    }

    @Test
    void theCheckerAcceptsReferencesInsideTheRepository() {
        RepositoryLinks links = new RepositoryLinks(ROOT, Set.of("README.md", "docs/gate.md", "spec/protocol.md", "proofs-notes/T2U-hats.md"));
        assertThat(links.problems("docs/formats.md", "see `docs/gate.md`, [hats](../proofs-notes/T2U-hats.md), gate.md, `spec/protocol.md`")).isEmpty();
        assertThat(links.problems("src/Main.java", "run /bin/sh -c or /usr/bin/python3; ../README.md is fine from src")).isEmpty();
        assertThat(links.problems("proofs-notes/T2U-hats.md", "[up](../README.md) and [here](T2U-hats.md)")).isEmpty();
    }
}
