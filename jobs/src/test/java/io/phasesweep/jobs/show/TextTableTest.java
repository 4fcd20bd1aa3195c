package io.phasesweep.jobs.show;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextTableTest {
    @Test
    void columnsAreAlignedNumbersRightLongTextTrimmed() {
        TextTable t = new TextTable(List.of("method", "value", "note"), List.of(false, true, false), 10);
        String text = t.format(List.of(
                List.of("crossing:binder", "2.2692", "a\nb"),
                List.of("peak", "12", "")));
        assertEquals("""
                method       value  note
                ----------  ------  ----
                crossing:…  2.2692  a⏎b
                peak            12
                """, text);
    }

    @Test
    void csvQuotesOnlyWhereNeeded() {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",\n",
                Csv.line(java.util.Arrays.asList("a", "b,c", "say \"hi\"", "x\ny", null)));
    }
}
