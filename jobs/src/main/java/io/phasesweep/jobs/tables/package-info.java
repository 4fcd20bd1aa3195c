/**
 * The Parquet tables of an output folder, each declared once with its name and schema
 * ({@code raw}, {@code runs}, {@code points}, {@code boundaries}, {@code exponents}, {@code notes}),
 * and the output folder itself.
 */
package io.phasesweep.jobs.tables;
