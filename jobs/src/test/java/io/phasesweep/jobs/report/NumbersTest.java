package io.phasesweep.jobs.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumbersTest {
    @Test
    void theErrorHasTwoSignificantDigitsAndTheValueTheSameDecimals() {
        assertEquals("2.2692 ± 0.0012", Numbers.withError(2.26917, 0.00123));
        assertEquals("1.75 ± 0.20", Numbers.withError(1.7504, 0.2));
        assertEquals("123 ± 12", Numbers.withError(123.4, 12.3));
        assertEquals("2.26917 ± ?", Numbers.withError(2.26917, Double.NaN));
        assertEquals("0.5", Numbers.withError(0.5, 0));
    }

    @Test
    void plainNumbersHaveSixSignificantDigitsAndNoTrailingZeros() {
        assertEquals("2.26919", Numbers.plain(2.269185));
        assertEquals("0.1", Numbers.plain(0.1));
        assertEquals("1.00000e-09", Numbers.plain(1e-9));
        assertEquals("NaN", Numbers.plain(Double.NaN));
    }
}
