package io.phasesweep.engine.sweep;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The bad-input corpus: every file under {@code bad-sweeps/} is a malformed sweep whose first line
 * says which field the error must name and a fragment of its message:
 * {@code # expect: axes.T.steps | got 0} (an empty field means the file as a whole). Each must give
 * that {@link SweepError}, naming the file, in one line, and never any other exception.
 */
class BadSweepsTest {
    private static final String EXPECT = "# expect:";

    static Stream<Path> badSweeps() throws IOException, URISyntaxException {
        Path dir = Path.of(BadSweepsTest.class.getResource("/bad-sweeps").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            Path[] sorted = files.sorted().toArray(Path[]::new);
            assertTrue(sorted.length >= 40, "the corpus has " + sorted.length + " files");
            return Arrays.stream(sorted);
        }
    }

    @ParameterizedTest
    @MethodSource("badSweeps")
    void givesASweepErrorNamingTheFileAndField(Path file) throws IOException {
        // the expectation line is ASCII, also in the files whose later bytes are not UTF-8
        String firstLine = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        assertTrue(firstLine.startsWith(EXPECT), file + " has no '" + EXPECT + " field | fragment' first line");
        String[] expected = firstLine.substring(EXPECT.length()).split("\\|", 2);
        String field = expected[0].trim();
        String fragment = expected[1].trim();
        try {
            SweepSpec spec = SweepParser.parse(file, SweepParserTest.REGISTRY);
            fail(file.getFileName() + " was accepted: " + spec);
        } catch (SweepError e) {
            String message = e.getMessage();
            assertEquals(file.toString(), e.getFile());
            assertTrue(message.startsWith(file + ": "), message);
            assertEquals(field, e.getField(), message);
            assertTrue(message.contains(fragment), "expected '" + fragment + "' in: " + message);
            assertFalse(message.contains("\n"), message);
        }
    }
}
