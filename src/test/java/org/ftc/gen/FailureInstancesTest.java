package org.ftc.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ftc.instance.Instance;
import org.ftc.io.InstanceCodec;
import org.ftc.prop.Property;
import org.ftc.prop.PropertyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureInstancesTest {
    @Test
    void shrunkInstanceIsWrittenAsAnFtcInstanceFile(@TempDir Path dir) throws Exception {
        PropertyResult<GeneratedInstance> result = Property.forAll(Instances.instances(2)).quiet().ignoreSystemProperties()
                .seed(7).failureDir(dir).named("FailureInstancesTest#planted")
                .onFailure(FailureInstances.write())
                .run((gi, ctx) -> {
                    // A planted false claim: "no instance has two or more changed samples".
                    if (gi.instance().changeCount() >= 2) throw new AssertionError("two changes");
                });
        assertThat(result.passed()).isFalse();
        Path file = result.failureFile().orElseThrow().resolveSibling("FailureInstancesTest_planted.instance.json");
        assertThat(file).exists();
        Instance read = InstanceCodec.DEFAULT.read(Files.readString(file));
        Instance shrunk = result.shrunk().orElseThrow().instance();
        assertThat(read.changes()).isEqualTo(shrunk.changes());
        assertThat(read.sampleCount()).isEqualTo(shrunk.sampleCount());
        assertThat(read.changeCount()).isEqualTo(2);

        // Once the property holds on the stored failure, both files go: nothing stale stays behind.
        Property.forAll(Instances.instances(2)).quiet().ignoreSystemProperties().seed(7).failureDir(dir)
                .named("FailureInstancesTest#planted").onFailure(FailureInstances.write()).run((gi, ctx) -> { });
        assertThat(file).doesNotExist();
        assertThat(result.failureFile().orElseThrow()).doesNotExist();
    }
}
