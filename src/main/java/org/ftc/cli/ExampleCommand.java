package org.ftc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ftc.instance.Instance;
import org.ftc.io.InstanceCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Write the bundled example instances (ftc-instance files) into a folder.")
final class ExampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "Folder to write into (created if missing).")
    Path folder;

    @Option(names = "--depth", paramLabel = "L", defaultValue = "2", description = "Depth asked in the examples (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--with-infeasible", description = "Also write an infeasible instance (equal samples, different demands).")
    boolean withInfeasible;

    @Override
    public Integer call() {
        if (depth < 1 || depth > org.ftc.io.InstanceCodec.MAX_DEPTH) {
            // The range the instance reader accepts: never write a file ftc itself would refuse.
            spec.commandLine().getErr().println("ftc example: --depth must be in 1.." + org.ftc.io.InstanceCodec.MAX_DEPTH + ", got " + depth);
            return Ftc.BAD_INPUT;
        }
        try {
            Files.createDirectories(folder);
            Map<String, Instance> all = new java.util.LinkedHashMap<>(ExampleInstances.feasible(depth));
            if (withInfeasible) all.put("infeasible", ExampleInstances.infeasible(depth));
            for (Map.Entry<String, Instance> e : all.entrySet()) {
                Path file = folder.resolve(e.getKey() + ".json");
                Files.writeString(file, InstanceCodec.write(e.getValue()));
                spec.commandLine().getOut().println(file + "  (d = " + e.getValue().dimension() + ", K = " + e.getValue().sampleCount()
                        + ", N = " + e.getValue().changeCount() + ", depth " + depth + ")");
            }
            spec.commandLine().getOut().flush();
            return Ftc.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println("ftc example: cannot write to " + folder + ": " + e.getMessage());
            return Ftc.BAD_INPUT;
        }
    }
}
