/**
 * SGD on the teacher–student perceptron with hinge loss (model id {@code teacher-student}), the
 * setting of Sclocchi &amp; Wyart, "On the different regimes of stochastic gradient descent", PNAS 121,
 * e2316301121 (2024): the (batch size, learning rate) phase diagram at fixed training-set size.
 */
package io.phasesweep.engine.models.teacherstudent;
