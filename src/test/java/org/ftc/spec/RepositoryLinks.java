package org.ftc.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds references from a repository file to something outside the repository: an absolute path
 * into a user's or a workplace's folders, a {@code ../} that climbs out of the tree, a Markdown file
 * name that does not exist in the repository, a Markdown link to a missing file, or the name of a
 * reference text that is not part of the repository ({@code THEORY}, {@code PROTOCOL},
 * {@code DESIGN}). System tools ({@code /bin/sh}, {@code /usr/bin/python3}) are not references.
 */
final class RepositoryLinks {
    private static final Pattern ABSOLUTE = Pattern.compile("(?<![A-Za-z0-9_.~-])/(?:work|home|Users|root|mnt|shared)/[^\\s`'\")]*");
    private static final Pattern SHARED = Pattern.compile("(?:\\.\\./)+shared\\b|\\bshared/spec\\b");
    private static final Pattern CLIMB = Pattern.compile("(?:\\.\\./)+[A-Za-z0-9_.-]+");
    private static final Pattern MARKDOWN_NAME = Pattern.compile("(?<![A-Za-z0-9_./-])([A-Za-z0-9_./-]*[A-Za-z0-9_-]\\.md)(?![A-Za-z0-9])");
    private static final Pattern LINK = Pattern.compile("\\]\\(([A-Za-z0-9_./-]+)(?:#[^)]*)?\\)");
    private static final Pattern OUTSIDE_TEXT = Pattern.compile("\\b(THEORY|PROTOCOL|DESIGN)\\b");
    private static final Set<String> TEXT_ENDINGS = Set.of(".md", ".java", ".py", ".sh", ".json", ".xml", ".txt", ".yml", ".yaml");
    private static final Set<String> TEXT_NAMES = Set.of("run", "ftc", ".gitignore");

    /** The checker and its test quote the patterns they look for. */
    static final Set<String> SELF = Set.of("src/test/java/org/ftc/spec/RepositoryLinks.java", "src/test/java/org/ftc/spec/RepositoryLinksTest.java");

    private final Path root;
    private final Set<String> files;
    private final Set<String> names;

    RepositoryLinks(Path root, Set<String> files) {
        this.root = root;
        this.files = files;
        this.names = new TreeSet<>();
        for (String f : files) names.add(f.substring(f.lastIndexOf('/') + 1));
    }

    /** Every file of the repository at {@code root} (relative paths with {@code /}), build output and dot-folders other than {@code .ci} left out. */
    static Set<String> repositoryFiles(Path root) {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String rel = root.relativize(p).toString().replace('\\', '/');
                String first = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
                if (first.startsWith("target") || first.equals("gate-out") || first.equals("node_modules")) return;
                if (rel.contains("/target/") || rel.contains("/target-")) return;
                if (first.startsWith(".") && !first.equals(".ci")) return;
                out.add(rel);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static boolean isText(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        if (TEXT_NAMES.contains(name)) return true;
        int dot = name.lastIndexOf('.');
        return dot >= 0 && TEXT_ENDINGS.contains(name.substring(dot));
    }

    /** Every problem in the repository, as {@code file:line: what}. */
    List<String> problems() throws IOException {
        List<String> out = new ArrayList<>();
        for (String rel : files) {
            if (!isText(rel) || SELF.contains(rel)) continue;
            String text;
            try {
                text = Files.readString(root.resolve(rel), StandardCharsets.UTF_8);
            } catch (MalformedInputException e) {
                continue;
            }
            out.addAll(problems(rel, text));
        }
        return out;
    }

    /** The problems in one file's text. */
    List<String> problems(String rel, String text) {
        List<String> out = new ArrayList<>();
        String folder = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String at = rel + ":" + (i + 1) + ": ";
            Matcher m = ABSOLUTE.matcher(line);
            while (m.find()) out.add(at + "absolute path outside the repository: " + m.group());
            m = SHARED.matcher(line);
            while (m.find()) out.add(at + "points into the workplace's shared folder: " + m.group());
            m = CLIMB.matcher(line);
            while (m.find()) {
                if (climbsOut(folder, m.group()) && !m.group().matches("(\\.\\./)+shared")) out.add(at + "path climbs out of the repository: " + m.group());
            }
            m = MARKDOWN_NAME.matcher(line);
            while (m.find()) {
                String name = m.group(1);
                if (!resolves(folder, name)) out.add(at + "no such file in the repository: " + name);
            }
            if (rel.endsWith(".md")) {
                m = LINK.matcher(line);
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("[a-z]+:.*")) continue;
                    if (!resolves(folder, target)) out.add(at + "link to a missing file: " + target);
                }
            }
            m = OUTSIDE_TEXT.matcher(line);
            while (m.find()) {
                if (!names.contains(m.group(1) + ".md")) out.add(at + "names " + m.group(1) + ", a text that is not in the repository");
            }
        }
        return out;
    }

    private static boolean climbsOut(String folder, String path) {
        int depth = folder.isEmpty() ? 0 : folder.split("/").length;
        int ups = 0;
        for (String part : path.split("/")) {
            if (part.equals("..")) ups++;
            else break;
        }
        return ups > depth;
    }

    /** Relative to the file's folder, to the repository root, or (a bare name) a file of that name anywhere; a folder counts too. */
    private boolean resolves(String folder, String name) {
        String clean = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (!clean.contains("/") && names.contains(clean)) return true;
        for (String base : new String[] {folder, ""}) {
            String candidate = normalise(base.isEmpty() ? clean : base + "/" + clean);
            if (candidate == null) continue;
            if (files.contains(candidate)) return true;
            String prefix = candidate + "/";
            for (String f : files) if (f.startsWith(prefix)) return true;
        }
        return false;
    }

    private static String normalise(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.remove(parts.size() - 1);
            } else {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }
}
