package io.phasesweep.engine.sweep;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SeedsTest {

    @Test
    void seedsAreFixedFunctionsOfMasterSeedAndLabel() {
        // Pinned values: a change here changes every user's results, so it must be deliberate.
        assertEquals(1279340844210657122L, Seeds.dynamics(1, "size=8|T=2.2|r=0"));
        assertEquals(-6139372960993578681L, Seeds.disorder(20261122L, 16, 3));
        assertNotEquals(Seeds.disorder(1, 16, 3), Seeds.disorder(2, 16, 3));
        assertNotEquals(Seeds.disorder(1, 16, 3), Seeds.disorder(1, 16, 4));
        assertNotEquals(Seeds.disorder(1, 16, 3), Seeds.disorder(1, 32, 3));
    }

    @Test
    void generatorStreamIsPinned() {
        // L64X128MixRandom is a specified algorithm: the same seed gives the same stream on any JVM.
        assertEquals(-5600175640509174766L, Seeds.generator(42).nextLong());
        // First SplitMix64 output from state 0 in the reference implementation (Vigna).
        assertEquals(0xE220A8397B1DCDAFL, Seeds.splitmix(0));
    }

    @Test
    void bootstrapStreamsArePinnedAndRandomAccess() {
        assertEquals(Seeds.mix(9, "bootstrap|size=16|replica=3"), Seeds.bootstrap(9, 16, 3));
        assertNotEquals(Seeds.bootstrap(9, 16, 3), Seeds.bootstrap(9, 32, 3));
        assertNotEquals(Seeds.bootstrap(9, 16, 3), Seeds.disorder(9, 16, 3));
        // index i is output i + 1 of the reference SplitMix64 from that state: from state 0 the first
        // output is 0xE220A8397B1DCDAF (see generatorStreamIsPinned)
        assertEquals((0xE220A8397B1DCDAFL >>> 11) * 0x1.0p-53, Seeds.uniform(-0x9E3779B97F4A7C15L, 1));
        assertEquals(Seeds.uniform(7, 1000), Seeds.uniform(7, 1000));
    }

    @Test
    void nearbyKeysGiveDistinctSeeds() {
        Set<Long> seen = new HashSet<>();
        for (int r = 0; r < 10_000; r++) {
            seen.add(Seeds.dynamics(7, "size=16|T=2.2|r=" + r));
        }
        assertEquals(10_000, seen.size());
    }
}
