/**
 * phasesweep's command line on Spark: {@link io.phasesweep.jobs.Main} lists the subcommands
 * (package {@code cli}); the Spark jobs they run are in {@code spark}, the tables they read and
 * write in {@code tables}, live progress in {@code progress}, the HTML report in {@code report}
 * and table printing in {@code show}. Thin glue: expansion, seeding, running a point, every failure
 * rule and the analysis live in the engine.
 */
package io.phasesweep.jobs;
