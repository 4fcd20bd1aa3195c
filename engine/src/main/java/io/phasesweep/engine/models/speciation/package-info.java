/**
 * The speciation transition of the backward diffusion (model id {@code speciation}; Biroli, Bonnaire,
 * de Bortoli, Mézard 2024): two backward trajectories cloned from one noised sample end in the same
 * class of a two-Gaussian mixture with a probability that falls from 1 to ½ around ᾱ·Λ = 1, that is
 * around the cloning time t_s = ½ log Λ.
 */
package io.phasesweep.engine.models.speciation;
