/**
 * Site percolation on the simple (hyper)cubic lattice by the Newman–Ziff algorithm: sites are
 * occupied one at a time in a random order while union–find tracks the clusters, and observables
 * at each occupation probability p follow from the binomial convolution of the fixed-n results.
 */
package io.phasesweep.engine.models.percolation;
