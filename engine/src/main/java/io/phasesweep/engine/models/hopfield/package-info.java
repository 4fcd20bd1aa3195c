/**
 * The Hopfield associative memory with Hebbian couplings: retrieval of a stored pattern under
 * zero-temperature asynchronous or Glauber dynamics, with local fields kept through the pattern
 * overlaps (O(P) per spin update, no N×N coupling matrix).
 */
package io.phasesweep.engine.models.hopfield;
