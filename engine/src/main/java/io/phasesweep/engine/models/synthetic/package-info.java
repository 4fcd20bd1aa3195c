/**
 * The synthetic test model (model id {@code synthetic}): finite-size-scaling curves with a known
 * critical value, known exponents and corrections to scaling, plus replica noise, for benchmarks
 * and for calibrating the analysis against exact answers.
 */
package io.phasesweep.engine.models.synthetic;
