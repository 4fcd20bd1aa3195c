package io.phasesweep.engine.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a point would refuse, the parser refuses first, in one short line (issue 13): fractional
 * counts, counts no point can reach within its time limit, infinite numbers, enormous values
 * quoted whole, and inputs beyond the size limit whatever their kind.
 */
class ParserHazardsTest {
    /** As run reads a sweep file with its default time limit. */
    private static final SweepParser.Limits RUN = SweepParser.Limits.DEFAULT.withTimeLimit(3600);

    @TempDir
    Path tmp;

    private static String budget(String entries) {
        return SweepParserTest.withAxis("[2.1, 2.2]") + "budget: {" + entries + "}\n";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "measure: 2.5|test.yaml: budget.measure: expected a whole number >= 1, got 2.5 (line 8)",
        "thermalize: 0.5|test.yaml: budget.thermalize: expected a whole number >= 0, got 0.5 (line 8)",
        "measure: 1e15|test.yaml: budget.measure: expected a whole number from 1 to 3600000000000 (no point counts more than"
                + " 10^9 a second, and its time limit is 3600 s), got 1e15 (line 8)",
        "'measure: 1e12, time_limit: 10'|test.yaml: budget.measure: expected a whole number from 1 to 10000000000 (no point counts"
                + " more than 10^9 a second, and its time limit is 10 s), got 1e12 (line 8)",
        "measure: .inf|test.yaml: budget.measure: expected a whole number >= 1, got .inf, which is not a finite number (line 8)",
    })
    void budgetCountsAPointWouldRefuseAreRefusedFirst(String entries, String message) {
        assertEquals(message, assertThrows(SweepError.class, () -> SweepParser.parse(budget(entries), "test.yaml",
                SweepParserTest.REGISTRY, RUN)).getMessage());
    }

    /** A recorded sweep read again, its run's time limit unknown: only counts beyond 2^53 are refused. */
    @Test
    void aRecordedSweepReadAgainKnowsNoTimeLimit() throws SweepError {
        assertEquals(1e15, SweepParserTest.parse(budget("measure: 1e15")).budget().get("measure"));
        assertEquals("test.yaml: budget.measure: expected a whole number from 1 to 9007199254740992, got 1e16 (line 8)",
                SweepParserTest.error(budget("measure: 1e16")).getMessage());
    }

    @Test
    void aWholeCountWithinTheTimeLimitPasses() throws SweepError {
        assertEquals(1e12, SweepParserTest.parse(budget("measure: 1e12, time_limit: 1000")).budget().get("measure"));
    }

    /** Infinity is outside every range, and the message says so rather than "expected a number in [-inf, inf], got .inf". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[2.1, .inf]|test.yaml: axes.T[1]: expected a number, got .inf, which is not a finite number (line 5)",
        "'{from: -.inf, to: 2, steps: 3}'|test.yaml: axes.T.from: expected a number, got -.inf, which is not a finite number (line 5)",
        "[.nan]|test.yaml: axes.T[0]: expected a number, got .nan, which is not a finite number (line 5)",
    })
    void infiniteValuesAreNamedAsSuch(String axis, String message) {
        assertEquals(message, SweepParserTest.error(SweepParserTest.withAxis(axis)).getMessage());
    }

    @Test
    void aParameterRangeHasOpenInfiniteEnds() {
        String text = SweepParserTest.withAxis("[2.1]").replace("axes:\n  T: [2.1]", "axes:\n  kappa: [0]\nparams: {T: .inf}");
        assertEquals("test.yaml: params.T: expected a number in [0, inf), got .inf, which is not a finite number (line 6)",
                SweepParserTest.error(text).getMessage());
    }

    /** What a model cannot run at all (a lattice too small or too large) is refused before any point runs. */
    @ParameterizedTest
    @CsvSource(delimiterString = " ; ", value = {
        "ising ; 'sizes: [8, 1]' ; test.yaml: the points size=1|T=2.2: linear size L must be at least 2, got 1"
                + " (model ising cannot run them)",
        "ising ; 'sizes: [100000]\\nparams: {dim: 3}' ; test.yaml: the points size=100000|T=2.2: lattice 100000^3 is too large"
                + " for one run (model ising cannot run them)",
        "percolation ; 'sizes: [1]' ; test.yaml: the points size=1|p=0.5: lattice length must be at least 2, got 1 (model percolation"
                + " cannot run them)",
    })
    void pointsAModelCannotRunAreRefusedFirst(String model, String sizes, String message) {
        String axis = model.equals("ising") ? "T" : "p";
        String text = "name: a\nmodel: " + model + "\nseed: 1\naxes:\n  " + axis + ": [" + (axis.equals("p") ? "0.5" : "2.2")
                + "]\n" + sizes.replace("\\n", "\n") + "\nreplicas: 1\n";
        assertEquals(message, SweepParserTest.error(text).getMessage());
    }

    /** An enormous value is quoted by its first characters only. */
    @Test
    void anEnormousModelIdIsQuotedShort() {
        String text = SweepParserTest.withAxis("[2.1]").replace("model: fixture", "model: " + "m".repeat(400_000));
        String message = SweepParserTest.error(text).getMessage();
        assertTrue(message.length() < 300, message.length() + " characters");
        assertTrue(message.contains("got " + "m".repeat(40) + "..."), message);
    }

    /** A device reports a size of 0 and never ends: it is refused without reading it. */
    @Test
    void aDeviceIsRefusedUnread() {
        Path zero = Path.of("/dev/zero");
        SweepError e = assertThrows(SweepError.class, () -> SweepParser.parse(zero, SweepParserTest.REGISTRY));
        assertEquals("/dev/zero: expected a sweep file, got a device, pipe or other special file", e.getMessage());
    }

    /** The size limit holds for a file that grows as it is read: at most one byte more than the limit is read. */
    @Test
    void aFileBeyondTheSizeLimitIsRefused() throws Exception {
        Path big = Files.writeString(tmp.resolve("big.yaml"), "#".repeat(SweepParser.MAX_FILE_BYTES + 1));
        SweepError e = assertThrows(SweepError.class, () -> SweepParser.parse(big, SweepParserTest.REGISTRY));
        assertEquals(big + ": expected a sweep file of at most " + SweepParser.MAX_FILE_BYTES + " bytes, got more", e.getMessage());
    }
}
