/** Live progress of a run: counts from the executors (Spark accumulators) as text or JSON lines. */
package io.phasesweep.jobs.progress;
