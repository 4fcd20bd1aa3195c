package io.phasesweep.engine.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SweepPrinterTest {

    private static void assertRoundTrip(SweepSpec spec) throws SweepError {
        String yaml = SweepPrinter.toYaml(spec);
        assertEquals(spec, SweepParserTest.parse(yaml), yaml);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[2.3, 2.1, 2.2]",
            "{from: 2.20, to: 2.34, steps: 15}",
            "{from: 1e-3, to: 1, steps: 7, scale: log}",
            "{from: 0.1, to: 3, steps: 4, scale: linear}",
            "{center: 2.269, halfwidth: 0.8, size_exponent: -1, steps: 11}",
            "{center: 1e-7, halfwidth: 3.3e-8, size_exponent: -0.5876, steps: 1}",
            "[0, 0.1, 123456.789, 1e20, 0.30000000000000004]"})
    void everyAxisFormRoundTrips(String axis) throws SweepError {
        assertRoundTrip(SweepParserTest.parse(SweepParserTest.withAxis(axis)));
    }

    @Test
    void fullSweepRoundTrips() throws SweepError {
        assertRoundTrip(SweepParserTest.parse(SweepParserTest.GOOD));
    }

    @Test
    void specsBuiltInCodeRoundTrip() throws SweepError {
        // values a file would rarely hold: negative zero, a huge seed, words that look like other YAML types
        assertRoundTrip(new SweepSpec("123", "fixture", Long.MIN_VALUE,
                Map.of("dim", 4.0, "algorithm", "wolff"),
                List.of(new Axis.Values("T", List.of(-0.0 + 0.25, 1e-300, 7.0)),
                        new Axis.Range("kappa", -1, -0.0, 3, Axis.Scale.LINEAR)),
                List.of(100000000, 1), 1, Map.of("thermalize", 5.0, "measure", 1e6),
                new AnalysisSpec("kappa", null, "T", List.of(
                        new AnalysisSpec.ExponentRequest("1/nu", AnalysisMethod.SLOPE, "m4", null),
                        new AnalysisSpec.ExponentRequest("z", AnalysisMethod.LOCATION, "sample", -0.0)))));
    }

    @Test
    void wordsThatYamlWouldReadAsOtherTypesAreQuoted() {
        assertEquals("\"true\"", SweepPrinter.word("true"));
        assertEquals("\"2e3\"", SweepPrinter.word("2e3"));
        assertEquals("\"a b\\\"\"", SweepPrinter.word("a b\""));
        assertEquals("gamma/nu", SweepPrinter.word("gamma/nu"));
        assertEquals("-0.0", SweepPrinter.number(-0.0));
        assertEquals("16", SweepPrinter.number(16));
        assertEquals("1.0E-300", SweepPrinter.number(1e-300));
    }
}
