package io.phasesweep.engine.sweep;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One value of a sweep file at a field path ({@code axes.T.steps}, {@code sizes[2]}), with typed
 * reads that fail with a {@link SweepError} saying what was expected and what was found. A field
 * whose key is absent has no node; every read of it reports the key as missing.
 */
final class YamlField {
    private static final int SHOWN_CHARS = 40;
    /** Tags that plain data resolves to; ENV_TAG is the resolver's name for text like ${HOME}, kept as text. */
    private static final Set<Tag> PLAIN_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP, Tag.ENV_TAG);
    /** The finite floats of the YAML 1.2 core schema (its other floats are .inf and .nan). */
    private static final Pattern FINITE_FLOAT =
            Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    private final String file;
    private final String path;
    private final Node node;

    private YamlField(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    static YamlField root(String file, Node node) {
        return new YamlField(file, "", node);
    }

    String path() {
        return path;
    }

    boolean isPresent() {
        return node != null;
    }

    /** Present with a value: an optional section written as a bare {@code params:} counts as not given. */
    boolean isGiven() {
        return node != null && !(node instanceof ScalarNode s && s.getTag().equals(Tag.NULL));
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    /** The entry {@code key} of a mapping read with {@link #mapping}, or an absent field. */
    YamlField child(Map<String, YamlField> entries, String key) {
        YamlField f = entries.get(key);
        return f != null ? f : new YamlField(file, join(key), null);
    }

    /** An error at this field: {@code file: path: problem (line n)}. */
    SweepError error(String problem) {
        String line = node == null ? "" : node.getStartMark().map(m -> " (line " + (m.getLine() + 1) + ")").orElse("");
        return new SweepError(file, path, problem + line);
    }

    /** {@code expected <what>, got <what the file has>}, or {@code missing, expected <what>}. */
    SweepError expected(String what) {
        return node == null ? error("missing, expected " + what) : error("expected " + what + ", got " + shown());
    }

    /**
     * The entries of a mapping in file order. Keys must be plain words from {@code allowed}; an
     * unknown key ("unknown {@code keyNoun}") is reported with the closest allowed one, a repeated
     * key with the line of its first use.
     */
    Map<String, YamlField> mapping(String what, String keyNoun, Collection<String> allowed) throws SweepError {
        if (!(node instanceof MappingNode m)) {
            throw expected(what);
        }
        Map<String, YamlField> entries = new LinkedHashMap<>();
        Map<String, Node> keyNodes = new HashMap<>();
        for (NodeTuple t : m.getValue()) {
            YamlField keyField = new YamlField(file, path, t.getKeyNode());
            if (!(t.getKeyNode() instanceof ScalarNode k) || k.getTag().equals(Tag.NULL)) {
                throw keyField.expected("a key (one of " + String.join(", ", allowed) + ")");
            }
            String key = k.getValue();
            YamlField value = new YamlField(file, join(key), t.getValueNode());
            if (!allowed.contains(key)) {
                String hint = DidYouMean.closest(key, allowed).map(c -> "did you mean '" + c + "'? ").orElse("");
                throw new YamlField(file, join(key), k)
                        .error("unknown " + keyNoun + ", " + hint + "expected one of " + String.join(", ", allowed));
            }
            Node first = keyNodes.putIfAbsent(key, k);
            if (first != null) {
                throw new YamlField(file, join(key), k).error("the key appears twice, first at line "
                        + first.getStartMark().map(mk -> mk.getLine() + 1).orElse(0));
            }
            entries.put(key, value);
        }
        return entries;
    }

    /**
     * Rejects explicit tags other than the core schema's ({@code !!java.io.File}, {@code !custom},
     * {@code !!binary}) anywhere below this field, so that no tag can mean more than plain data.
     */
    void checkTags() throws SweepError {
        checkTags(Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private void checkTags(Set<Node> seen) throws SweepError {
        if (!seen.add(node)) {
            return;
        }
        if (!PLAIN_TAGS.contains(node.getTag())) {
            throw error("expected plain YAML data, got the tag "
                    + node.getTag().getValue().replace(Tag.PREFIX, "!!"));
        }
        if (node instanceof SequenceNode s) {
            for (Node element : s.getValue()) {
                new YamlField(file, path, element).checkTags(seen);
            }
        } else if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                new YamlField(file, path, t.getKeyNode()).checkTags(seen);
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                new YamlField(file, join(key), t.getValueNode()).checkTags(seen);
            }
        }
    }

    /** The elements of a list, each at {@code path[i]}. */
    List<YamlField> list(String what) throws SweepError {
        if (!(node instanceof SequenceNode s)) {
            throw expected(what);
        }
        List<YamlField> out = new ArrayList<>();
        for (Node element : s.getValue()) {
            out.add(new YamlField(file, path + "[" + out.size() + "]", element));
        }
        return out;
    }

    /** A scalar's text, whatever YAML type it resolved to (names and words may look like numbers). */
    String text(String what) throws SweepError {
        if (!(node instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
            throw expected(what);
        }
        return s.getValue();
    }

    /** A word from {@code allowed}, with a did-you-mean hint when it is close to one. */
    String oneOf(String what, Collection<String> allowed) throws SweepError {
        String expected = what + " (" + (allowed.isEmpty() ? "there is none" : "one of " + String.join(", ", allowed)) + ")";
        String word = text(expected);
        if (!allowed.contains(word)) {
            String hint = DidYouMean.closest(word, allowed).map(c -> "; did you mean '" + c + "'?").orElse("");
            throw error("expected " + expected + ", got " + clip(word) + hint);
        }
        return word;
    }

    /** A finite number; YAML must have read it as a number (a quoted "2.5" is text, not a number). */
    double number(String what) throws SweepError {
        double d = Double.NaN;
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            if (s.getTag().equals(Tag.INT) && CoreScalarResolver.INT.matcher(v).matches()) {
                d = parseInteger(v).doubleValue();
            } else if (s.getTag().equals(Tag.FLOAT) && FINITE_FLOAT.matcher(v).matches()) {
                d = Double.parseDouble(v);
            }
        }
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.FLOAT) && !FINITE_FLOAT.matcher(s.getValue()).matches()) {
            throw error("expected " + what + ", got " + shown() + ", which is not a finite number");
        }
        if (!Double.isFinite(d)) {
            throw expected(what);
        }
        return d;
    }

    /** An integer in [min, max]; an integral float such as {@code 1e4} counts. */
    long integer(String what, long min, long max) throws SweepError {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)
                && CoreScalarResolver.INT.matcher(s.getValue()).matches()) {
            BigInteger b = parseInteger(s.getValue());
            if (b.compareTo(BigInteger.valueOf(min)) >= 0 && b.compareTo(BigInteger.valueOf(max)) <= 0) {
                return b.longValue();
            }
            throw expected(what);
        }
        double d = number(what);
        if (d != Math.rint(d) || d < min || d > max) {
            throw expected(what);
        }
        return (long) d;
    }

    private static BigInteger parseInteger(String v) {
        if (v.startsWith("0x")) {
            return new BigInteger(v.substring(2), 16);
        }
        if (v.startsWith("0o")) {
            return new BigInteger(v.substring(2), 8);
        }
        return new BigInteger(v.startsWith("+") ? v.substring(1) : v);
    }

    /** What the file has here, for "got ...": a scalar's text (quoted if YAML read it as text), "a list", "a mapping". */
    private String shown() {
        if (node instanceof MappingNode m) {
            return m.getValue().isEmpty() ? "an empty mapping" : "a mapping";
        }
        if (node instanceof SequenceNode s) {
            return s.getValue().isEmpty() ? "an empty list" : "a list";
        }
        ScalarNode s = (ScalarNode) node;
        if (s.getTag().equals(Tag.NULL)) {
            return s.getValue().isEmpty() ? "nothing" : s.getValue();
        }
        return s.isPlain() ? clip(s.getValue()) : "the text \"" + clip(s.getValue()) + "\"";
    }

    /** A value from the file as a message shows it: at most {@value #SHOWN_CHARS} characters, control characters escaped. */
    static String clip(String v) {
        String cut = v.length() > SHOWN_CHARS ? v.substring(0, SHOWN_CHARS) + "..." : v;
        StringBuilder one = new StringBuilder();
        cut.codePoints().forEach(c -> one.append(Character.isISOControl(c) ? "\\u%04x".formatted(c) : Character.toString(c)));
        return one.toString();
    }

    private String join(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
