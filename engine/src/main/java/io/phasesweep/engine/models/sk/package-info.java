/**
 * The Sherrington–Kirkpatrick spin glass (model id {@code sk}), simulated by parallel tempering
 * over the sweep's whole temperature axis with two real replicas per temperature.
 */
package io.phasesweep.engine.models.sk;
