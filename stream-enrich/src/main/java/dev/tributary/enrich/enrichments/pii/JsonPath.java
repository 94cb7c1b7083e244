package dev.tributary.enrich.enrichments.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The JSONPath subset PII configurations use: {@code $}, {@code .name}, {@code ['name']}, {@code [n]},
 * {@code [*]} and {@code .*}. Deep scan ({@code ..}) and filters are rejected at start-up rather than
 * silently matching nothing.
 */
final class JsonPath {

    private sealed interface Step permits Name, Index, Wildcard {
    }

    private record Name(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private record Wildcard() implements Step {
    }

    private final String text;
    private final List<Step> steps;

    private JsonPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = List.copyOf(steps);
    }

    /** @throws IllegalArgumentException naming what is not supported */
    static JsonPath parse(String path) {
        if (path == null || !path.startsWith("$")) {
            throw new IllegalArgumentException("expected a JSONPath starting with $, got '" + path + "'");
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                if (i + 1 < path.length() && path.charAt(i + 1) == '.') {
                    throw new IllegalArgumentException("deep scan '..' is not supported in '" + path + "'");
                }
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                String name = path.substring(i + 1, end);
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("empty name at " + i + " in '" + path + "'");
                }
                steps.add(name.equals("*") ? new Wildcard() : new Name(name));
                i = end;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed [ at " + i + " in '" + path + "'");
                }
                String inside = path.substring(i + 1, end).trim();
                if (inside.equals("*")) {
                    steps.add(new Wildcard());
                } else if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                        || inside.startsWith("\"") && inside.endsWith("\""))) {
                    steps.add(new Name(inside.substring(1, inside.length() - 1)));
                } else if (inside.matches("\\d+")) {
                    steps.add(new Index(Integer.parseInt(inside)));
                } else {
                    throw new IllegalArgumentException("unsupported selector [" + inside + "] in '" + path
                            + "'; expected ['name'], [n] or [*]");
                }
                i = end + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + i + " in '" + path + "'");
            }
        }
        return new JsonPath(path, steps);
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * Replaces every string the path selects in {@code root} (in place) with {@code replace(original)}; a
     * selected array has its string elements replaced. {@code root} must be an object or array.
     */
    void replaceStrings(JsonNode root, UnaryOperator<String> replace) {
        walk(root, 0, replace);
    }

    private void walk(JsonNode node, int depth, UnaryOperator<String> replace) {
        Step step = steps.get(depth);
        boolean last = depth == steps.size() - 1;
        if (node instanceof ObjectNode object) {
            if (step instanceof Name n) {
                visitField(object, n.name(), depth, last, replace);
            } else if (step instanceof Wildcard) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    visitField(object, name, depth, last, replace);
                }
            }
        } else if (node instanceof ArrayNode array) {
            if (step instanceof Index idx && idx.index() < array.size()) {
                visitElement(array, idx.index(), depth, last, replace);
            } else if (step instanceof Wildcard) {
                for (int i = 0; i < array.size(); i++) {
                    visitElement(array, i, depth, last, replace);
                }
            }
        }
    }

    private void visitField(ObjectNode object, String name, int depth, boolean last, UnaryOperator<String> replace) {
        JsonNode child = object.get(name);
        if (child == null) {
            return;
        }
        if (last) {
            JsonNode replaced = replaceLeaf(child, replace);
            if (replaced != child) {
                object.set(name, replaced);
            }
        } else {
            walk(child, depth + 1, replace);
        }
    }

    private void visitElement(ArrayNode array, int index, int depth, boolean last, UnaryOperator<String> replace) {
        JsonNode child = array.get(index);
        if (last) {
            JsonNode replaced = replaceLeaf(child, replace);
            if (replaced != child) {
                array.set(index, replaced);
            }
        } else {
            walk(child, depth + 1, replace);
        }
    }

    private static JsonNode replaceLeaf(JsonNode leaf, UnaryOperator<String> replace) {
        if (leaf.isTextual()) {
            return TextNode.valueOf(replace.apply(leaf.textValue()));
        }
        if (leaf instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(replace.apply(array.get(i).textValue())));
                }
            }
        }
        return leaf;
    }
}
