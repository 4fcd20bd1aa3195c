/**
 * {@code phasesweep show}: a table of an output folder in the terminal (aligned columns, long text
 * trimmed), or as CSV or JSON lines for other programs.
 */
package io.phasesweep.jobs.show;
