package io.phasesweep.engine.sweep;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random damage to valid sweep files (lines deleted, duplicated or swapped, characters replaced by
 * YAML punctuation, numbers replaced by awkward ones) must give either a valid spec, which then
 * prints back to an equal spec, or a one-line {@link SweepError}; never any other exception.
 * Fixed seed, so a failure reproduces. A jqwik property: surefire runs it on the JUnit Platform next to
 * the Jupiter tests (the class name ends in Test so that surefire's default includes find it).
 */
class SweepMutationTest {
    private static final List<String> VALID = List.of(
            SweepParserTest.GOOD,
            SweepParserTest.withAxis("{center: 2.269, halfwidth: 0.8, size_exponent: -1, steps: 11}"),
            SweepParserTest.withAxis("{from: 1e-3, to: 1, steps: 7, scale: log}")
                    + "params: {algorithm: wolff}\nbudget: {thermalize: 0}\n");
    private static final String PUNCTUATION = ":-[]{},#&*!|>'\"%@`?~ \t\n0123456789.eE+\u00e9\u0000";
    private static final List<String> NUMBERS = List.of("0", "-1", "-0", "2.5", "1e-3", "1e400", "1e308", "-1.7e308", ".nan", "-.inf",
            "99999999999999999999", "2147483648", "0x10", "0o17", "1e9", "", "\"3\"", "[1]", "{}", "~", "true");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?(e-?[0-9]+)?");
    /** Small, so that an accepted mutant never spends long generating axis values. */
    private static final SweepParser.Limits LIMITS = SweepParser.Limits.DEFAULT.withMaxPoints(20_000);

    enum Kind { DELETE_LINE, DUPLICATE_LINE, COPY_LINE_OVER, REPLACE_CHAR, REPLACE_NUMBER }

    /** One random edit; {@code where} and {@code what} are reduced modulo the size of the text. */
    record Mutation(Kind kind, int where, int what) {
        String applyTo(String text) {
            List<String> lines = new ArrayList<>(text.lines().toList());
            int n = lines.size();
            switch (kind) {
                case DELETE_LINE -> lines.remove(where % n);
                case DUPLICATE_LINE -> lines.add(what % (n + 1), lines.get(where % n));
                case COPY_LINE_OVER -> lines.set(where % n, lines.get(what % n));
                case REPLACE_CHAR -> {
                    int at = where % text.length();
                    return text.substring(0, at) + PUNCTUATION.charAt(what % PUNCTUATION.length()) + text.substring(at + 1);
                }
                case REPLACE_NUMBER -> {
                    List<int[]> spans = new ArrayList<>();
                    Matcher m = NUMBER.matcher(text);
                    while (m.find()) {
                        spans.add(new int[] {m.start(), m.end()});
                    }
                    int[] s = spans.get(where % spans.size());
                    return text.substring(0, s[0]) + NUMBERS.get(what % NUMBERS.size()) + text.substring(s[1]);
                }
            }
            return String.join("\n", lines) + "\n";
        }
    }

    @Provide
    Arbitrary<String> damagedSweeps() {
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.integers().between(0, 1 << 20)).as(Mutation::new);
        return Combinators.combine(Arbitraries.of(VALID), mutation.list().ofMinSize(1).ofMaxSize(4))
                .as((text, mutations) -> {
                    String damaged = text;
                    for (Mutation m : mutations) {
                        damaged = m.applyTo(damaged);
                    }
                    return damaged;
                });
    }

    @Property(tries = 400, seed = "20261123")
    void damagedFilesGiveASpecOrASweepError(@ForAll("damagedSweeps") String text) {
        try {
            SweepSpec spec = SweepParser.parse(text, "damaged.yaml", SweepParserTest.REGISTRY, LIMITS);
            assertEquals(spec, SweepParser.parse(SweepPrinter.toYaml(spec), "printed.yaml", SweepParserTest.REGISTRY, LIMITS));
        } catch (SweepError e) {
            assertTrue(e.getMessage().startsWith("damaged.yaml: "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
