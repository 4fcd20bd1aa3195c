/**
 * The subcommands of {@code phasesweep} (picocli): each parses and checks its options, then hands
 * the work to a Spark job inside {@link io.phasesweep.jobs.cli.SparkOptions#withSession}, the one
 * place a command's Spark session is started and stopped.
 */
package io.phasesweep.jobs.cli;
