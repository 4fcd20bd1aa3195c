/**
 * Gardner's storage problem for the spherical perceptron: is there a weight vector for which every
 * pattern has stability at least κ? Decided exactly by a finite active-set solver (Lawson–Hanson
 * non-negative least squares on the least-distance form of the max-margin problem) whose answer
 * is checked by a primal–dual certificate.
 */
package io.phasesweep.engine.models.perceptron;
