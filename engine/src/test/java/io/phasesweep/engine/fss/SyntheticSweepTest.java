package io.phasesweep.engine.fss;

import io.phasesweep.engine.run.PointRunner;
import io.phasesweep.engine.run.RawRecord;
import io.phasesweep.engine.stats.Sample;
import io.phasesweep.engine.sweep.PointGroup;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.engine.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SyntheticSweepTest {

    /** The calibration's shortcut past the runner's thread per point draws the rows a real run writes. */
    @Test
    void samplesAreTheRowsThePointRunnerWrites() {
        SyntheticSweep sweep = CalibrationTest.CORRECTED.withSeed(7);
        PointRunner runner = new PointRunner(sweep.model(), 60);
        List<Sample> run = new ArrayList<>();
        for (PointGroup group : SweepExpander.groups(sweep.spec(), sweep.model())) {
            for (RawRecord row : runner.run(group)) {
                assertEquals(RawRecord.Status.OK, row.status(), row.error());
                run.add(new Sample(row.point().params(), row.point().size(), row.point().replica(),
                        row.measurement().values()));
            }
        }
        assertEquals(4 * 11 * 16, run.size());
        assertEquals(run, sweep.samples());
    }

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
