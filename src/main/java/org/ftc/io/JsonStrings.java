package org.ftc.io;

/** JSON string escaping for the writers (RFC 8259 section 7). */
public final class JsonStrings {
    private JsonStrings() {
    }

    public static StringBuilder quote(StringBuilder s, String text) {
        s.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': s.append("\\\""); break;
                case '\\': s.append("\\\\"); break;
                case '\n': s.append("\\n"); break;
                case '\r': s.append("\\r"); break;
                case '\t': s.append("\\t"); break;
                default:
                    if (c < 0x20) s.append(String.format("\\u%04x", (int) c));
                    else s.append(c);
            }
        }
        return s.append('"');
    }

    public static String quote(String text) {
        return quote(new StringBuilder(), text).toString();
    }
}
