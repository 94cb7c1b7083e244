package dev.tributary.runtime.logging;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A logfmt reader as a log shipper implements it (bare values end at a space; quoted values take
 * {@code \" \\ \n \r \t \}{@code uXXXX}): the tests parse the layout's output with it rather than compare strings.
 */
final class LogfmtParser {

    private LogfmtParser() {
    }

    static Map<String, String> parse(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            int eq = line.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("no '=' after position " + i + " in: " + line);
            }
            String key = line.substring(i, eq);
            if (key.isEmpty() || key.contains(" ") || key.contains("\"")) {
                throw new IllegalArgumentException("bad key '" + key + "' in: " + line);
            }
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("unterminated quote in: " + line);
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        char e = line.charAt(i++);
                        switch (e) {
                            case 'n' -> value.append('\n');
                            case 'r' -> value.append('\r');
                            case 't' -> value.append('\t');
                            case 'u' -> {
                                value.append((char) Integer.parseInt(line.substring(i, i + 4), 16));
                                i += 4;
                            }
                            default -> value.append(e);
                        }
                    } else {
                        value.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ' ') {
                    throw new IllegalArgumentException("text after closing quote in: " + line);
                }
            } else {
                while (i < line.length() && line.charAt(i) != ' ') {
                    char c = line.charAt(i++);
                    if (c == '"' || c == '=') {
                        throw new IllegalArgumentException("unquoted '" + c + "' in a bare value in: " + line);
                    }
                    value.append(c);
                }
            }
            if (out.put(key, value.toString()) != null) {
                throw new IllegalArgumentException("duplicate key " + key + " in: " + line);
            }
        }
        return out;
    }
}
