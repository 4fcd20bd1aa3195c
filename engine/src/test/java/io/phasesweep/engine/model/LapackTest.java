package io.phasesweep.engine.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LapackTest {
    /** sfmin/eps in IEEE double: the smallest normal number over half the unit roundoff. */
    private static final double SAFE_MINIMUM_OVER_EPS = Double.MIN_NORMAL / (Math.ulp(1.0) / 2);

    /**
     * LAPACK's machine constants are computed once, whatever the threads: in each of 16 fresh JVMs,
     * 8 threads making their first calls at once all read sfmin/eps right. F2J's dlamch alone raced
     * in 14 of 40 such JVMs (Infinity in 4, a wrong value in every thread in 3), so 16 clean runs
     * would happen by chance with probability below 0.001.
     */
    @Test
    void firstCallsFromManyThreadsReadTheSameConstants() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int run = 0; run < 16; run++) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LapackFirstCalls.class.getName())
                    .redirectErrorStream(false).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a fresh JVM's first LAPACK calls did not finish in 60 s");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(0, p.exitValue(), out);
            for (String value : out.split(" ")) {
                assertEquals(SAFE_MINIMUM_OVER_EPS, Double.parseDouble(value), 0.0, "run " + run + ": " + out);
            }
        }
    }
}
