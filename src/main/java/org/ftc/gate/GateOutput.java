package org.ftc.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.ftc.io.InstanceCodec;

/**
 * Writes the gate's files ({@link GateFiles} names them) while a run goes on, so a run that is
 * stopped keeps what it has decided (docs/gate.md, "Files"): each verdict is appended to
 * {@code results.jsonl} as soon as it is decided, each failure's counterexample and case files are
 * written at once (and rewritten when it is shrunk), and only a complete run ends
 * {@code results.jsonl} with its summary line and writes {@code junit.xml}. Every file but the
 * appended {@code results.jsonl} is written to a temporary name in the same folder and renamed,
 * so no file is ever half-written. One run per folder: a folder holding anything is refused
 * unless the caller asked to overwrite, and then the previous run's files are removed first.
 */
public final class GateOutput implements AutoCloseable {
    static final String VECTORS = "vectors";
    /** The files and folders a run writes (what {@code overwrite} removes). */
    static final List<String> OWN = List.of(GateFiles.RESULTS, GateFiles.JUNIT, GateFiles.REPLAY, GateFiles.COUNTEREXAMPLES, GateFiles.CASES, VECTORS);

    /** The output folder already holds files and overwriting was not asked for. */
    public static final class FolderInUse extends RuntimeException {
        FolderInUse(String message) {
            super(message);
        }
    }

    /** A file of the run could not be written; the message is one line naming it. */
    public static final class WriteFailed extends RuntimeException {
        WriteFailed(Path file, IOException cause) {
            super("could not write " + file + ": " + oneLine(cause), cause);
        }
    }

    private final Path folder;
    private final FileChannel results;
    private final GateConfig config;
    private final Implementation.AnswerForm form;
    private boolean replayWritten;

    private GateOutput(Path folder, FileChannel results, GateConfig config, Implementation.AnswerForm form) {
        this.folder = folder;
        this.results = results;
        this.config = config;
        this.form = form;
    }

    /**
     * Refuses {@code folder} when it holds files and overwriting was not asked for (before a run
     * starts, so a refused command prints nothing else).
     *
     * @throws FolderInUse when the folder holds files and {@code overwrite} is false
     */
    public static void refuseIfInUse(Path folder, boolean overwrite) {
        if (overwrite || !Files.isDirectory(folder)) return;
        boolean empty;
        try (Stream<Path> s = Files.list(folder)) {
            empty = s.findAny().isEmpty();
        } catch (IOException e) {
            throw new WriteFailed(folder, e);
        }
        if (!empty) {
            throw new FolderInUse(folder + " is not empty (a previous run?): give --overwrite to replace the gate's files there, or another --out");
        }
    }

    /**
     * Prepares {@code folder} for one run of {@code config}, whose implementation answers in
     * {@code form}: refuses a non-empty folder unless {@code config} asks to overwrite, which removes
     * the previous run's files.
     */
    public static GateOutput open(Path folder, GateConfig config, Implementation.AnswerForm form) {
        boolean overwrite = config.overwriteOutput();
        refuseIfInUse(folder, overwrite);
        try {
            if (overwrite && Files.isDirectory(folder)) {
                for (String own : OWN) deleteTree(folder.resolve(own));
            }
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new WriteFailed(folder, e);
        }
        Path file = folder.resolve(GateFiles.RESULTS);
        try {
            return new GateOutput(folder, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
                    config, form);
        } catch (IOException e) {
            throw new WriteFailed(file, e);
        }
    }

    public Path folder() {
        return folder;
    }

    /**
     * A verdict was decided: a failure's files are written, then its line is appended to
     * {@code results.jsonl} (so a line on disk has its counterexample beside it).
     */
    public synchronized void decided(GateCase c) {
        // A verdict decided while the gate is being stopped may come from the stop itself (its
        // hook kills the implementations): it is left out, so every line on disk is right.
        if (ProcessTree.stopping()) return;
        if (!c.verdict().passed()) failed(c);
        append(GateFiles.resultLine(c));
    }

    private void failed(GateCase c) {
        Path dir = folder.resolve(GateFiles.CASES).resolve(c.name());
        write(dir.resolve("original.json"), GateFiles.utf8(InstanceCodec.write(c.instance())));
        write(dir.resolve("output.txt"), c.output());
        write(dir.resolve("verdict.json"), GateFiles.utf8(GateFiles.resultLine(c)));
        write(folder.resolve(GateFiles.COUNTEREXAMPLES).resolve(c.name() + ".json"), GateFiles.utf8(InstanceCodec.write(c.instance())));
        vector(c.name(), c.instance(), c.verdict(), c.output());
        if (!replayWritten) {
            write(folder.resolve(GateFiles.REPLAY), GateFiles.utf8(GateFiles.replayScript(config, folder.resolve(GateFiles.COUNTEREXAMPLES), Path.of(""))));
            replayWritten = true;
        }
    }

    /** A failure was shrunk: its counterexample and case files now hold the smallest instance. */
    public synchronized void shrunk(GateCase c) {
        if (ProcessTree.stopping()) return;
        GateCase.Shrunk s = c.shrunk().orElseThrow();
        Path dir = folder.resolve(GateFiles.CASES).resolve(c.name());
        // The original output, whole, is the output.txt written when the case was decided (the run
        // keeps only its head in memory: GateCase.retained).
        Path original = dir.resolve("original-output.txt");
        try {
            GateFiles.copyAtomically(dir.resolve("output.txt"), original);
        } catch (IOException e) {
            throw new WriteFailed(original, e);
        }
        // With no step kept, the shrunk answer is the original one: its files stay as they are.
        if (s.steps() > 0) write(dir.resolve("output.txt"), s.output());
        write(dir.resolve("verdict.json"), GateFiles.utf8(GateFiles.verdictLine(s.verdict(), s.instance().id(), c) + "\n"));
        write(folder.resolve(GateFiles.COUNTEREXAMPLES).resolve(c.name() + ".json"), GateFiles.utf8(InstanceCodec.write(s.instance())));
        if (s.steps() > 0) vector(c.name(), s.instance(), s.verdict(), s.output());
    }

    /** The counterexample also as a judge vector, {@code vectors/<case>.json} (spec/vectors.md). */
    private void vector(String name, org.ftc.instance.Instance instance, Verdict verdict, byte[] output) {
        VectorWriter.vector(name, config, form, instance, verdict, output)
                .ifPresent(v -> write(folder.resolve(VECTORS).resolve(name + ".json"), GateFiles.utf8(v)));
    }

    /** The run is complete: {@code junit.xml}, then the summary line that ends {@code results.jsonl}. */
    public synchronized void finish(GateReport report) {
        write(folder.resolve(GateFiles.JUNIT), GateFiles.utf8(GateFiles.junit(report)));
        append(GateFiles.summaryLine(report));
    }

    @Override
    public synchronized void close() {
        try {
            results.close();
        } catch (IOException e) {
            throw new WriteFailed(folder.resolve(GateFiles.RESULTS), e);
        }
    }

    /** One line, in one write: a run killed meanwhile leaves whole lines (or a last line cut short, never a mixed one). */
    private void append(String line) {
        ByteBuffer b = ByteBuffer.wrap(GateFiles.utf8(line + "\n"));
        try {
            while (b.hasRemaining()) results.write(b);
        } catch (IOException e) {
            throw new WriteFailed(folder.resolve(GateFiles.RESULTS), e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            GateFiles.writeAtomically(file, bytes);
        } catch (IOException e) {
            throw new WriteFailed(file, e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.list(p)) {
                for (Path child : s.toList()) deleteTree(child);
            }
        }
        Files.delete(p);
    }

    private static String oneLine(IOException e) {
        String m = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return m.replace('\n', ' ').replace('\r', ' ');
    }
}
