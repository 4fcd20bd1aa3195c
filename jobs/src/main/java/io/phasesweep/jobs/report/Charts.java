package io.phasesweep.jobs.report;

import io.phasesweep.engine.fss.BoundaryRow;
import io.phasesweep.engine.fss.Finding;
import io.phasesweep.jobs.tables.RoundsTable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** The report's charts (XChart, drawn headless) as PNG bytes. */
final class Charts {
    static final int WIDTH = 640;
    static final int HEIGHT = 420;

    /** A vertical line at a critical value, with dashed lines at ± its standard error. */
    record Marker(String label, double value, double stderr) {
    }

    static {
        // drawing needs no display: the report is written on the driver of a cluster job too
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** One curve per size with error bars, and the marker when given (null: none). */
    static byte[] curves(String title, String xLabel, String yLabel, List<Series> curves, Marker marker) {
        XYChart chart = chart(title, xLabel, yLabel);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Series s : curves) {
            XYSeries series = chart.addSeries(s.label(), s.x(), s.y(), s.err());
            series.setMarker(SeriesMarkers.CIRCLE);
            for (int i = 0; i < s.y().length; i++) {
                low = Math.min(low, s.y()[i] - s.err()[i]);
                high = Math.max(high, s.y()[i] + s.err()[i]);
            }
        }
        if (marker != null && low < high) {
            line(chart, marker.label(), marker.value(), low, high, false);
            if (marker.stderr() > 0) {
                line(chart, "± std. error", marker.value() - marker.stderr(), low, high, true);
                line(chart, " ", marker.value() + marker.stderr(), low, high, true).setShowInLegend(false);
            }
        }
        return png(chart);
    }

    /** Critical value against the across value, one series per method's main estimate (and best), with error bars. */
    static byte[] boundary(String title, String xLabel, String yLabel, List<BoundaryRow> rows) {
        XYChart chart = chart(title, xLabel, yLabel);
        Map<String, List<BoundaryRow>> byMethod = new TreeMap<>();
        for (BoundaryRow b : rows) {
            if (b.acrossValue() != null && Double.isFinite(b.criticalValue()) && b.finding().variant().equals(Finding.MAIN)) {
                byMethod.computeIfAbsent(ReportPage.label(b.finding()), m -> new ArrayList<>()).add(b);
            }
        }
        byMethod.forEach((method, list) -> {
            List<BoundaryRow> sorted = list.stream()
                    .sorted(Comparator.comparingDouble(BoundaryRow::acrossValue)).toList();
            double[] x = sorted.stream().mapToDouble(BoundaryRow::acrossValue).toArray();
            double[] y = sorted.stream().mapToDouble(BoundaryRow::criticalValue).toArray();
            double[] e = sorted.stream().mapToDouble(b -> Double.isFinite(b.stderr()) ? b.stderr() : 0).toArray();
            chart.addSeries(method, x, y, e).setMarker(SeriesMarkers.CIRCLE);
        });
        chart.getStyler().setXAxisLogarithmic(spansDecades(byMethod, BoundaryRow::acrossValue));
        // XChart refuses a log axis where an error bar reaches zero
        chart.getStyler().setYAxisLogarithmic(spansDecades(byMethod,
                b -> b.criticalValue() - (Double.isFinite(b.stderr()) ? b.stderr() : 0)));
        return png(chart);
    }

    /** Estimates with error bars against core-seconds, one series per name (a quantity at an across value). */
    static byte[] rounds(String title, String yLabel, Map<String, List<RoundsTable.Round>> series) {
        XYChart chart = chart(title, "core-seconds", yLabel);
        series.forEach((name, rounds) -> {
            List<RoundsTable.Round> known = rounds.stream().filter(r -> r.target().value() != null).toList();
            if (!known.isEmpty()) {
                chart.addSeries(name, known.stream().mapToDouble(RoundsTable.Round::coreSeconds).toArray(),
                        known.stream().mapToDouble(r -> r.target().value()).toArray(),
                        known.stream().mapToDouble(r -> r.target().stderr()).toArray()).setMarker(SeriesMarkers.CIRCLE);
            }
        });
        return png(chart);
    }

    /** Positive values over more than a factor 20 (a log-scale axis such as B or η) read best on a log axis. */
    private static boolean spansDecades(Map<String, List<BoundaryRow>> rows, ToDoubleFunction<BoundaryRow> value) {
        DoubleSummaryStatistics s = rows.values().stream().flatMap(List::stream).mapToDouble(value)
                .summaryStatistics();
        return s.getCount() > 0 && s.getMin() > 0 && s.getMax() >= 20 * s.getMin();
    }

    private static XYChart chart(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        XYStyler s = chart.getStyler();
        s.setErrorBarsColorSeriesColor(true);
        s.setMarkerSize(6);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.GRAY);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setAntiAlias(true);
        return chart;
    }

    private static XYSeries line(XYChart chart, String name, double x, double low, double high, boolean dashed) {
        XYSeries line = chart.addSeries(name, new double[] {x, x}, new double[] {low, high});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(dashed ? Color.GRAY : Color.BLACK);
        line.setLineStyle(dashed
                ? new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f)
                : new BasicStroke(1.5f));
        return line;
    }

    private static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
    }
}
