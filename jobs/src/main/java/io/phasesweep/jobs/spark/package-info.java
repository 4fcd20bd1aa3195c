/**
 * The Spark jobs: running a sweep's points ({@link io.phasesweep.jobs.spark.RunJob}), analysing an
 * output folder ({@link io.phasesweep.jobs.spark.AnalyzeJob}), resuming and re-running. They take a
 * SparkSession and an output folder; the physics lives in the engine.
 */
package io.phasesweep.jobs.spark;
