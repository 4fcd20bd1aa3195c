/**
 * The rank-one spiked Wigner matrix (model id {@code spiked}): the BBP transition of the top
 * eigenpair at signal strength λ = 1.
 */
package io.phasesweep.engine.models.spiked;
