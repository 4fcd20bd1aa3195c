/**
 * Jamming of the spherical perceptron with negative margin (model id {@code jamming}): harmonic
 * soft constraints minimised on the sphere by FIRE; a non-convex continuous constraint satisfaction
 * problem whose SAT/UNSAT transition is in the universality class of the jamming of soft spheres.
 */
package io.phasesweep.engine.models.jamming;
