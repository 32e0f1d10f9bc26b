package org.ftc.gate;

/**
 * What an implementation writes is data, not trusted text: these make any string safe to store in
 * the gate's UTF-8 files (docs/gate.md, "Files"). Standard error and answer lines are decoded with
 * replacement (malformed bytes become U+FFFD), but a string can still hold a lone UTF-16 surrogate
 * (a JSON escape {@code "\ud800"} in an answer, or a cut through a surrogate pair), which has no
 * UTF-8 form, and XML forbids some characters outright.
 */
final class Text {
    static final char REPLACEMENT = '\uFFFD';

    private Text() {
    }

    /** {@code s} with every lone surrogate replaced by U+FFFD (pairs are kept): it always has a UTF-8 form. */
    static String wellFormed(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                if (out != null) out.append(c).append(s.charAt(i + 1));
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (out == null) out = new StringBuilder(s.length()).append(s, 0, i);
                out.append(REPLACEMENT);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** At most {@code max} characters of {@code s}, cut between code points, with {@code ...} when cut. */
    static String shorten(String s, int max) {
        if (s.length() <= max) return s;
        int end = max - 3;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end) + "...";
    }

    /** The last non-blank line of what an implementation wrote (standard error, a message), stripped and shortened to 200 characters. */
    static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        return shorten(last, 200);
    }

    /** {@code "; stderr ends: <its last line>"} for a verdict's message, or empty when standard error is. */
    static String stderrEnds(String stderrTail) {
        String last = lastLine(stderrTail);
        return last.isEmpty() ? "" : "; stderr ends: " + last;
    }

    /**
     * XML 1.0 character data or attribute text: markup characters escaped, and every character XML
     * forbids (controls but tab, newline and carriage return; U+FFFE, U+FFFF; lone surrogates)
     * replaced by U+FFFD.
     */
    static String xml(String text) {
        String t = wellFormed(text);
        StringBuilder s = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\t', '\n' -> s.append(c);
                case '\r' -> s.append("&#13;");
                default -> s.append(c < 0x20 || c == '\uFFFE' || c == '\uFFFF' ? REPLACEMENT : c);
            }
        }
        return s.toString();
    }
}
