package org.ftc.io;

/**
 * A document that is not a valid {@code ftc-network} or {@code ftc-instance}: the message is one
 * line, {@code "<field path>: <what is wrong>"}, for example
 * {@code layers[1].weights[0][2]: expected a number string, got true}. Checked, so every reader
 * caller decides what a bad file means (exit status 2 in the CLI, {@code bad-output} in the gate).
 */
public final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    public FormatException(String path, String problem) {
        super((path.isEmpty() ? "(document)" : oneLine(path)) + ": " + oneLine(problem));
        // A path can hold a key read from the document (with a newline or a NUL in it): shown escaped.
        this.path = oneLine(path);
        this.problem = oneLine(problem);
    }

    /** Where: a field path such as {@code layers[1].weights[0][2]}, or empty for the whole document. */
    public String path() {
        return path;
    }

    /** What is wrong, without the path. */
    public String problem() {
        return problem;
    }

    /** This error seen from an enclosing field: {@code pretrained} + {@code layers[0]} = {@code pretrained.layers[0]}. */
    FormatException under(String parent) {
        String joined = path.isEmpty() ? parent : path.startsWith("[") ? parent + path : parent + "." + path;
        return new FormatException(joined, problem);
    }

    static String oneLine(String s) {
        String t = s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
        // Control characters from the document (a NUL in a string, say) are shown escaped, so the
        // message is one printable line that cannot hide what was read.
        StringBuilder b = new StringBuilder(t.length());
        t.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) b.append(String.format("\\u%04x", c));
            else b.appendCodePoint(c);
        });
        t = b.toString();
        return t.length() > 300 ? t.substring(0, 297) + "..." : t;
    }
}
