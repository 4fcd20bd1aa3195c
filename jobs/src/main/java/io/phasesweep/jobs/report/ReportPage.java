package io.phasesweep.jobs.report;

import io.phasesweep.engine.fss.BoundaryRow;
import io.phasesweep.engine.fss.ExponentRow;
import io.phasesweep.engine.fss.Finding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report as one HTML page that needs nothing else: styles inline, charts as PNG data URLs, no
 * script, no network.
 */
final class ReportPage {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;background:#f5f6f8}
            header{background:#1f3b5a;color:#fff;padding:18px 32px}
            header h1{margin:0 0 4px 0;font-size:24px} header p{margin:2px 0;opacity:.85}
            nav{padding:8px 32px;background:#e6e9ef;font-size:14px} nav a{margin-right:14px;color:#1f3b5a}
            main{padding:8px 32px 40px 32px;max-width:1500px}
            h2{border-bottom:2px solid #1f3b5a;padding-bottom:4px;margin-top:32px}
            h3{margin:22px 0 8px 0}
            table{border-collapse:collapse;background:#fff;font-size:14px;margin:8px 0}
            th,td{border:1px solid #d0d5dd;padding:4px 10px;text-align:left;vertical-align:top}
            th{background:#eef1f5} td{font-variant-numeric:tabular-nums}
            .figures{display:flex;flex-wrap:wrap;gap:14px}
            figure{margin:0;background:#fff;border:1px solid #d0d5dd;padding:6px;width:640px}
            figure img{display:block;width:640px;height:auto}
            figcaption{font-size:13px;color:#444;margin-top:4px}
            pre{background:#fff;border:1px solid #d0d5dd;padding:10px;overflow:auto;font-size:13px}
            .note{color:#7a4b00}
            """;

    private final ReportData data;
    private final ReportFigures figures;

    ReportPage(ReportData data) {
        this.data = data;
        this.figures = new ReportFigures(data);
    }

    String html(Instant generated) {
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(data.sweep() + " — phasesweep report")).append("</title>\n<style>")
                .append(STYLE).append("</style></head><body>\n");
        b.append("<header><h1>").append(Html.escape(data.sweep())).append("</h1><p>model ")
                .append(Html.escape(data.model())).append(" · control parameter ").append(Html.escape(data.control()))
                .append(data.across() == null ? "" : " · across " + Html.escape(data.across()))
                .append(" · ").append(data.points().size()).append(" points (parameters × sizes)</p><p>report written ")
                .append(Html.escape(generated.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()))
                .append("</p></header>\n");
        b.append("<nav><a href=\"#results\">Critical values and exponents</a><a href=\"#observables\">Observables</a>")
                .append("<a href=\"#provenance\">Provenance</a></nav>\n<main>\n");
        results(b);
        observables(b);
        provenance(b);
        return b.append("</main></body></html>\n").toString();
    }

    private void results(StringBuilder b) {
        b.append("<section id=\"results\"><h2>Critical values</h2>\n");
        if (data.boundaries().isEmpty()) {
            b.append("<p class=\"note\">No critical value: the sweep's analysis found none (see its notes below)"
                    + " or the sweep has no analysis section.</p>\n");
        }
        b.append("<p>The <b>best</b> rows combine the estimates that pass their checks; stderr = stat &oplus; sys,"
                + " sys covering the spread of each estimate's variants and the disagreement of the estimates. Flagged"
                + " estimates are left out of best. The variants themselves are rows of the Parquet tables.</p>\n");
        b.append(Html.table("boundaries", acrossHeader("method", "critical " + data.control(), "stat", "sys", "sizes",
                "flags", "quality"), shown(data.boundaries().stream().map(BoundaryRow::finding).toList())));
        figures.boundary().ifPresent(f -> b.append("<div class=\"figures\">").append(figure(f)).append("</div>\n"));
        b.append("<h2>Exponents</h2>\n");
        b.append(Html.table("exponents", acrossHeader("quantity", "method", "value", "stat", "sys", "sizes", "flags",
                "quality"), data.exponents().stream().sorted(java.util.Comparator.comparing(ExponentRow::quantity))
                .filter(e -> !isVariant(e.finding())).map(this::exponentRow).toList()));
        rounds(b);
        if (!data.notes().isEmpty()) {
            b.append("<h2>Notes of the analysis</h2>\n<ul id=\"notes\">");
            data.notes().forEach(n -> b.append("<li>").append(Html.escape(n)).append("</li>"));
            b.append("</ul>\n");
        }
        b.append("</section>\n");
    }

    /** A refined sweep's rounds: what each added, what it cost, where each target stood after it. */
    private void rounds(StringBuilder b) {
        if (data.rounds().isEmpty()) {
            return;
        }
        b.append("<h2>Refinement rounds</h2>\n");
        b.append(Html.table("rounds", List.of("round", "points added", "points", "core-seconds", "quantity", "best",
                "target stderr", "stop"), data.rounds().stream().map(r -> List.of(String.valueOf(r.round()),
                String.valueOf(r.pointsAdded()), String.valueOf(r.points()), Numbers.plain(r.coreSeconds()),
                (r.target().acrossValue() == null ? "" : data.across() + " = " + Numbers.plain(r.target().acrossValue()) + ": ")
                        + r.target().quantity(),
                r.target().value() == null ? "no best row" : Numbers.withError(r.target().value(), r.target().stderr()),
                Numbers.plain(r.target().target()), r.stop() == null ? "" : r.stop())).toList()));
        b.append("<div class=\"figures\">");
        figures.rounds().forEach(f -> b.append(figure(f)));
        b.append("</div>\n");
    }

    private void observables(StringBuilder b) {
        b.append("<section id=\"observables\"><h2>Observables</h2>\n<p>Error bars: one standard error over replicas."
                + " Observables: ").append(Html.escape(String.join(", ", data.observables()))).append("</p>\n");
        List<Double> acrossValues = data.acrossValues();
        for (int i = 0; i < acrossValues.size(); i++) {
            Double a = acrossValues.get(i);
            String id = a == null ? "" : "-" + i;
            if (a != null) {
                b.append("<h3>").append(Html.escape(data.across() + " = " + Numbers.plain(a))).append("</h3>\n");
            }
            for (String observable : data.observablesAnalysedFirst()) {
                List<Figure> charts = figures.observable(observable, a, id);
                if (charts.isEmpty()) {
                    continue;
                }
                b.append(a == null ? "<h3>" : "<h4>").append(Html.escape(observable)).append(a == null ? "</h3>" : "</h4>")
                        .append("\n<div class=\"figures\">");
                charts.forEach(f -> b.append(figure(f)));
                b.append("</div>\n");
            }
        }
        b.append("</section>\n");
    }

    private void provenance(StringBuilder b) {
        b.append("<section id=\"provenance\"><h2>Provenance</h2>\n");
        // the columns present of these (a runs table may have more or, from an older version, fewer)
        List<String> columns = List.of("run_id", "status", "started_at", "ended_at", "points_total", "points_ok",
                        "points_failed", "points_timeout", "master").stream()
                .filter(c -> data.runs().stream().anyMatch(r -> r.containsKey(c))).toList();
        b.append(Html.table("runs", columns, data.runs().stream()
                .map(r -> columns.stream().map(c -> r.getOrDefault(c, "")).toList()).toList()));
        Optional<Map<String, String>> latest = data.runs().isEmpty() ? Optional.empty()
                : Optional.of(data.runs().get(data.runs().size() - 1));
        latest.ifPresent(r -> {
            b.append("<h3>Latest run</h3>\n");
            b.append(Html.table("latest-run", List.of("field", "value"), r.entrySet().stream()
                    .filter(e -> !e.getKey().equals("sweep_file"))
                    .map(e -> List.of(e.getKey(), e.getValue())).toList()));
        });
        b.append("<h3>Sweep file</h3>\n<pre id=\"sweep-file\">").append(Html.escape(data.sweepFile())).append("</pre>\n");
        b.append("</section>\n");
    }

    private List<String> acrossHeader(String... columns) {
        List<String> header = new ArrayList<>();
        if (data.across() != null) {
            header.add(data.across());
        }
        header.addAll(List.of(columns));
        return header;
    }

    /** Best rows first, then each method's main estimate and each size's location; check variants are left to the tables. */
    private List<List<String>> shown(List<Finding> findings) {
        return findings.stream().filter(f -> !isVariant(f)).sorted(java.util.Comparator.comparing(f -> !f.isBest()))
                .map(this::boundaryRow).toList();
    }

    private static boolean isVariant(Finding f) {
        return !f.variant().equals(Finding.MAIN);
    }

    private List<String> boundaryRow(Finding f) {
        return withAcross(f.acrossValue(), label(f), Numbers.withError(f.value(), f.stderr()), Numbers.number(f.stderrStat()),
                Numbers.number(f.stderrSys()), sizes(f.sizes()), String.join(", ", f.flagColumn()), f.quality());
    }

    private List<String> exponentRow(ExponentRow r) {
        Finding f = r.finding();
        return withAcross(f.acrossValue(), r.quantity(), label(f), Numbers.withError(f.value(), f.stderr()),
                Numbers.number(f.stderrStat()), Numbers.number(f.stderrSys()), sizes(f.sizes()),
                String.join(", ", f.flagColumn()), f.quality());
    }

    /** method:observable, with the level of a level crossing and the size of a one-size location. */
    static String label(Finding f) {
        return f.method() + (f.level() == null ? "" : "(level=" + Numbers.plain(f.level()) + ")")
                + (f.observable() == null ? "" : ":" + f.observable()) + (f.size() == null ? "" : " L=" + f.size());
    }

    private List<String> withAcross(Double acrossValue, String... cells) {
        List<String> row = new ArrayList<>();
        if (data.across() != null) {
            row.add(acrossValue == null ? "" : Numbers.plain(acrossValue));
        }
        row.addAll(List.of(cells));
        return row;
    }

    private static String sizes(List<Integer> sizes) {
        return sizes.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String figure(Figure f) {
        return "<figure id=\"" + Html.escape(f.id()) + "\"><img alt=\"" + Html.escape(f.caption())
                + "\" width=\"" + Charts.WIDTH + "\" height=\"" + Charts.HEIGHT + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(f.png()) + "\"><figcaption>" + Html.escape(f.caption())
                + "</figcaption></figure>";
    }
}
