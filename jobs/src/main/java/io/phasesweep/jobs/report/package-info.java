/**
 * The HTML report of an output folder: {@code report/index.html}, one self-contained page (charts
 * as inline PNG) with the curves of every observable per size, the crossing region, the data
 * collapse, the phase boundary, the exponents and boundaries tables and the provenance of the runs.
 *
 * <p>{@link io.phasesweep.jobs.report.ReportTables} reads the Parquet tables with Spark into plain
 * records ({@link io.phasesweep.jobs.report.ReportData}); everything after that (curves, charts,
 * page) is plain Java and is tested without Spark.
 */
package io.phasesweep.jobs.report;
