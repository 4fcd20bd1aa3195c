/** Statistics: binning, autocorrelation times, jackknife, bootstrap, replica aggregation. */
package io.phasesweep.engine.stats;
