package io.phasesweep.engine.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ParamSpecTest {

    @Test
    void strictlyPositiveRangeReadsAsOpenInterval() {
        ParamSpec t = ParamSpec.real("T", null, Double.MIN_VALUE, null, "temperature");
        assertEquals("(0, inf)", t.range());
        assertEquals("a number in (0, inf)", t.check(0.0));
        assertNull(t.check(1e-9));
    }

    @Test
    void checksTypeRangeAndChoices() {
        ParamSpec dim = ParamSpec.integer("dim", 2, 1, 3, "dimension");
        assertEquals("[1, 3]", dim.range());
        assertEquals("an integer", dim.check(2.5));
        assertEquals("a number in [1, 3]", dim.check(4.0));
        assertNull(dim.check(3.0));
        ParamSpec alg = ParamSpec.word("algorithm", "wolff", List.of("wolff", "metropolis"), "update");
        assertEquals("one of wolff, metropolis", alg.check("heatbath"));
        assertEquals("one of wolff, metropolis", alg.check(1.0));
        assertNull(alg.check("metropolis"));
    }
}
