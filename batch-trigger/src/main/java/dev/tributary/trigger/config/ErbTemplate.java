package dev.tributary.trigger.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one ERB construct EmrEtlRunner configs use: {@code <%= ENV['NAME'] %>} (single or double quotes). Ruby's
 * {@code ENV['UNSET']} is nil and renders as an empty string, so an unset variable becomes "" here too; the key it
 * feeds then reports itself as missing. Any other ERB tag is a problem rather than being passed to YAML verbatim.
 */
public final class ErbTemplate {

    private static final Pattern ENV_TAG = Pattern.compile("<%=\\s*ENV\\[\\s*(['\"])([^'\"]+)\\1\\s*]\\s*-?%>");
    private static final Pattern ANY_TAG = Pattern.compile("<%.*?%>");

    private ErbTemplate() {
    }

    /** The rendered text; {@code unsupported} collects ERB tags other than ENV lookups, with their line. */
    public static String render(String text, UnaryOperator<String> env, List<String> unsupported) {
        Matcher m = ENV_TAG.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.apply(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        String rendered = out.toString();
        Matcher other = ANY_TAG.matcher(rendered);
        while (other.find()) {
            int line = (int) rendered.substring(0, other.start()).chars().filter(c -> c == '\n').count() + 1;
            unsupported.add("line " + line + ": " + other.group());
        }
        return rendered;
    }

    public static String render(String text, UnaryOperator<String> env) {
        List<String> unsupported = new ArrayList<>();
        String rendered = render(text, env, unsupported);
        if (!unsupported.isEmpty()) {
            throw new ConfigException("config.yml", new ConfigProblem("(template)",
                    "only <%= ENV['NAME'] %> tags", String.join(", ", unsupported)));
        }
        return rendered;
    }
}
