package dev.tributary.schemas.shredding;

import java.util.Locale;
import java.util.regex.Pattern;

/** Snowplow's camelCase/PascalCase to snake_case rule (schema-ddl {@code StringUtils.snakeCase}). */
public final class SnakeCase {

    private static final Pattern ACRONYM = Pattern.compile("([A-Z]+)([A-Z][a-z])");
    private static final Pattern WORD = Pattern.compile("([a-z\\d])([A-Z])");

    private SnakeCase() {
    }

    /** {@code userAgentFamily} -> {@code user_agent_family}, {@code HTTPHeader} -> {@code http_header}. */
    public static String of(String text) {
        String s = ACRONYM.matcher(text).replaceAll("$1_$2");
        s = WORD.matcher(s).replaceAll("$1_$2");
        return s.replace('-', '_').toLowerCase(Locale.ROOT);
    }
}
