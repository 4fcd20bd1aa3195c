package io.phasesweep.jobs.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report as a browser shows it: headless Chromium renders it from disk (no network), the
 * screenshot is not blank, and the DOM after loading holds every chart and table. Skipped, saying
 * so, only when no Chromium is installed (.ci/run installs Debian's package).
 */
class ReportBrowserTest {
    @TempDir
    static Path tmp;
    private static Chromium chromium;
    private static Path page;

    @BeforeAll
    static void writePage() throws Exception {
        chromium = Chromium.find(tmp).orElse(null);
        Assumptions.assumeTrue(chromium != null,
                "SKIPPED: no chromium on the PATH; install Debian's package: apt-get install -y chromium");
        ReportData data = SyntheticReport.data("T", "h", List.of(0.0, 0.2));
        page = Path.of(Report.write(new org.apache.hadoop.conf.Configuration(), tmp.resolve("out").toString(), data,
                Instant.parse("2026-11-23T12:05:00Z")).replaceFirst("^file:", ""));
    }

    @Test
    void theScreenshotIsNotBlank() throws Exception {
        Path png = chromium.screenshot(page, 1400, 1800);
        // kept under target/ for a person to look at
        Files.copy(png, Path.of("target", "report-screenshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        BufferedImage shot = ImageIO.read(png.toFile());
        assertEquals(1400, shot.getWidth());
        PixelStats stats = PixelStats.of(shot);
        // a blank or unstyled white page has variance ~0; the header band, tables and charts give thousands
        assertTrue(stats.variance() > 500, "grey-level variance " + stats.variance());
    }

    @Test
    void theDomHoldsEveryChartAndTable() throws Exception {
        String dom = chromium.dumpDom(page);
        for (String table : List.of("boundaries", "exponents", "runs", "latest-run")) {
            assertTrue(dom.contains("<table id=\"" + table + "\">"), table);
        }
        assertTrue(dom.contains("<figure id=\"boundary\">"));
        for (String suffix : List.of("-0", "-1")) {
            for (String chart : List.of("curves-binder", "zoom-binder", "collapse-binder", "curves-chi", "collapse-chi")) {
                String id = chart + suffix;
                int at = dom.indexOf("<figure id=\"" + id + "\">");
                assertTrue(at >= 0, id);
                assertTrue(dom.startsWith("<img", dom.indexOf("<img", at)) && dom.indexOf("data:image/png;base64,", at)
                        < dom.indexOf("</figure>", at), id + " holds its PNG");
            }
        }
        assertTrue(dom.contains("<pre id=\"sweep-file\">"));
        assertTrue(Files.size(page) > 10_000);
    }
}
