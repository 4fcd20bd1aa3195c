/**
 * The Spark side of phasesweep and its command line: the driver that runs a sweep's points on
 * executors and writes the {@code raw} and {@code runs} tables, and {@code phasesweep run},
 * {@code validate} and {@code models}. Thin glue: expansion, seeding, running a point and every
 * failure rule live in the engine.
 */
package io.phasesweep.jobs;
