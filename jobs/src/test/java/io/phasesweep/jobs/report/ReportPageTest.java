package io.phasesweep.jobs.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportPageTest {
    private static final Instant WRITTEN = Instant.parse("2026-11-23T12:05:00Z");

    @Test
    void thePageNeedsNothingFromTheNetworkAndEscapesText() {
        String html = new ReportPage(SyntheticReport.data("T", null, List.of())).html(WRITTEN);
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"), "self-contained");
        assertTrue(html.contains("# &lt;script&gt;alert(1)&lt;/script&gt; stays text"));
        assertEquals(5, count(html, "src=\"data:image/png;base64,"), "binder: curves, zoom, collapse; chi: curves, collapse");
        assertTrue(html.contains("<td>crossing:binder</td><td>2.2690 ± 0.0012</td><td>0.0012</td><td>0.0</td><td>8, 16, 32</td>"),
                html);
        assertTrue(html.contains("<td>gamma/nu</td><td>peak:chi</td><td>1.750 ± 0.020</td>"));
        assertTrue(html.contains("<ul id=\"notes\"><li>2 failed or timed-out rows at 1 point left out of the averages</li></ul>"),
                "the analysis notes are on the page");
    }

    @Test
    void withAnAcrossAxisEveryValueHasItsChartsAndTheBoundaryIsDrawn() {
        String html = new ReportPage(SyntheticReport.data("T", "h", List.of(0.0, 0.1))).html(WRITTEN);
        assertTrue(html.contains("<figure id=\"boundary\">"));
        for (String id : List.of("curves-binder-0", "curves-binder-1", "collapse-chi-1")) {
            assertTrue(html.contains("<figure id=\"" + id + "\">"), id);
        }
        assertTrue(html.contains("<th>h</th><th>method</th>"), "the across column leads the tables");
        assertTrue(html.contains("<h3>h = 0.1</h3>"));
    }

    @Test
    void observablesTheAnalysisUsedComeFirst() {
        ReportData d = SyntheticReport.data("T", null, List.of());
        ReportData reordered = new ReportData(d.sweep(), d.model(), d.control(), null, List.of("e", "chi", "binder"),
                d.points(), d.boundaries(), d.exponents(), d.notes(), d.runs(), d.sweepFile());
        assertEquals(List.of("binder", "chi", "e"), reordered.observablesAnalysedFirst(),
                "crossing:binder is the first method, then peak:chi");
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
