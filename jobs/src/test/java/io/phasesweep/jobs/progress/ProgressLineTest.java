package io.phasesweep.jobs.progress;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressLineTest {
    @Test
    void rateAndEtaFollowFromTheCountsSoFar() {
        ProgressLine line = new ProgressLine(30, 120, 2, 10);
        assertEquals(3.0, line.rate());
        assertEquals(30.0, line.etaSeconds(), "90 points left at 3 points/s");
        assertEquals("30/120 points done, 2 failed, 3.00 points/s, ETA 0:00:30", line.text());
        assertEquals("{\"event\":\"progress\",\"done\":30,\"total\":120,\"failed\":2,\"elapsed_s\":10.000,"
                + "\"rate\":3.00000,\"eta_s\":30.0}", line.json());
    }

    @Test
    void beforeTheFirstPointTheEtaIsUnknown() {
        ProgressLine line = new ProgressLine(0, 120, 0, 1.5);
        assertEquals("0/120 points done, 0 failed, 0.00 points/s, ETA ?", line.text());
        assertEquals("{\"event\":\"progress\",\"done\":0,\"total\":120,\"failed\":0,\"elapsed_s\":1.500,"
                + "\"rate\":0.00000,\"eta_s\":null}", line.json());
        assertEquals("1:01:01", ProgressLine.clock(3661));
    }
}
