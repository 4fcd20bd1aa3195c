package io.phasesweep.engine.fss;

import io.phasesweep.engine.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SyntheticSweepTest {

    /** docs/models/synthetic.md says so: the shipped sweep is the calibration's corrections regime. */
    @Test
    void theShippedSweepIsTheCorrectionsRegime() throws IOException {
        SweepSpec shipped = SyntheticSweep.parse(Files.readString(Path.of("../sweeps/synthetic.yaml"))).spec();
        SweepSpec calibration = CalibrationTest.CORRECTED.spec();
        assertEquals(calibration.params(), shipped.params());
        assertEquals(calibration.axes(), shipped.axes());
        assertEquals(calibration.sizes(), shipped.sizes());
        assertEquals(calibration.replicas(), shipped.replicas());
        assertEquals(calibration.analysis(), shipped.analysis());
    }
}
