package io.phasesweep.engine.sweep;

import io.phasesweep.engine.model.ModelRegistry;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.common.SpecVersion;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a sweep file into a validated {@link SweepSpec}, or fails with one {@link SweepError} line
 * naming the file, the field and what was expected.
 *
 * <p>YAML is read safely: the YAML 1.2 core schema only (numbers, words, true/false, null, lists,
 * mappings), no object-building tags, few aliases (no "billion laughs"), bounded size and nesting.
 * Duplicate keys are rejected while the mappings are read ({@link YamlField#mapping}), which also
 * names their field path: we compose YAML nodes and never construct objects, and snakeyaml's
 * {@code allowDuplicateKeys} applies only to object construction.
 */
public final class SweepParser {

    /** Sizes above this are a typo, not a simulation. */
    public static final long MAX_SIZE = 100_000_000L;
    /** A sweep file is a page of text; anything much bigger is the wrong file. */
    public static final int MAX_FILE_BYTES = 1 << 20;
    private static final int MAX_NESTING = 20;
    private static final int MAX_ALIASES = 10;

    /**
     * Limits that depend on where a sweep runs.
     *
     * @param maxPoints        the most points a sweep may expand to (sizes × axis values × replicas)
     * @param timeLimitSeconds a point's time limit when the budget sets no {@code time_limit}
     *                         ({@code run --time-limit}): a count no point can do within it is refused.
     *                         Infinite by default: a recorded sweep read again (its run's limit unknown)
     *                         is refused only counts beyond 2^53
     */
    public record Limits(long maxPoints, double timeLimitSeconds) {
        public static final Limits DEFAULT = new Limits(1_000_000L, Double.POSITIVE_INFINITY);

        public Limits withMaxPoints(long points) {
            return new Limits(points, timeLimitSeconds);
        }

        public Limits withTimeLimit(double seconds) {
            return new Limits(maxPoints, seconds);
        }
    }

    private SweepParser() {
    }

    public static SweepSpec parse(Path file, ModelRegistry registry) throws SweepError {
        return parse(file, registry, Limits.DEFAULT);
    }

    /** Reads {@code file} ({@link #read}); errors name it as given ({@code file.toString()}). */
    public static SweepSpec parse(Path file, ModelRegistry registry, Limits limits) throws SweepError {
        return parse(read(file), file.toString(), registry, limits);
    }

    /**
     * The text of a sweep file, strict UTF-8. Only a regular file of at most {@link #MAX_FILE_BYTES}
     * is read, and never more than that: a device ({@code /dev/zero}) or a pipe reports a size of 0
     * and never ends.
     */
    public static String read(Path file) throws SweepError {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new SweepError(name, "", "expected a sweep file, got a directory");
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new SweepError(name, "", "expected a sweep file, got a device, pipe or other special file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                throw new SweepError(name, "", "expected a sweep file of at most " + MAX_FILE_BYTES
                        + " bytes, got more");
            }
        } catch (NoSuchFileException e) {
            throw new SweepError(name, "", "no such file");
        } catch (IOException e) {
            throw new SweepError(name, "", "cannot read the file: " + oneLine(String.valueOf(e.getMessage())));
        }
        return decode(name, bytes);
    }

    public static SweepSpec parse(String text, String fileName, ModelRegistry registry) throws SweepError {
        return parse(text, fileName, registry, Limits.DEFAULT);
    }

    /** Parses sweep text; {@code fileName} is only used in error messages. */
    public static SweepSpec parse(String text, String fileName, ModelRegistry registry, Limits limits)
            throws SweepError {
        YamlField root = YamlField.root(fileName, load(text, fileName));
        root.checkTags();
        return new SpecReader(fileName, root, registry, limits).read();
    }

    /** Strict UTF-8: a stray Latin-1 byte is reported with its line, not turned into '?'. */
    private static String decode(String name, byte[] bytes) throws SweepError {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new SweepError(name, "", "expected UTF-8 text, got the byte 0x%02x at line %d (byte %d)"
                    .formatted(bytes[at] & 0xff, line, at + 1));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Node load(String text, String name) throws SweepError {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(name)
                .setSchema(new CoreSchema())
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(MAX_FILE_BYTES)
                .build();
        try {
            checkNesting(new Parse(settings).parseString(text), name);
            Optional<Node> root = new Compose(settings).composeString(text);
            if (root.isEmpty()) {
                throw new SweepError(name, "", "the file is empty, expected a sweep (name, model, seed, axes, sizes, replicas)");
            }
            return root.get();
        } catch (MarkedYamlEngineException e) {
            String where = e.getProblemMark()
                    .map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                    .orElse("");
            throw new SweepError(name, "", "invalid YAML" + where + ": " + oneLine(e.getProblem()));
        } catch (ReaderException e) {
            int line = 1 + (int) text.codePoints().limit(e.getPosition()).filter(c -> c == '\n').count();
            throw new SweepError(name, "", "invalid YAML at line %d: the character U+%04X is not allowed"
                    .formatted(line, e.getCodePoint()));
        } catch (YamlVersionException e) {
            SpecVersion v = e.getSpecVersion();
            throw new SweepError(name, "", "expected YAML 1.x, got %YAML " + v.getMajor() + "." + v.getMinor());
        } catch (YamlEngineException e) {
            throw new SweepError(name, "", "invalid YAML: " + oneLine(String.valueOf(e.getMessage())));
        }
    }

    /** The composer recurses per level, so a deeply nested file would overflow the stack. */
    private static void checkNesting(Iterable<Event> events, String name) throws SweepError {
        int depth = 0;
        for (Event e : events) {
            if (e instanceof CollectionStartEvent) {
                depth++;
                if (depth > MAX_NESTING) {
                    int line = e.getStartMark().map(m -> m.getLine() + 1).orElse(0);
                    throw new SweepError(name, "", "expected lists and mappings nested at most "
                            + MAX_NESTING + " deep, got deeper at line " + line);
                }
            } else if (e instanceof CollectionEndEvent) {
                depth--;
            }
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
