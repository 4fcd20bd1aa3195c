/** The Model SPI, its registry (ServiceLoader), measurements, and the Monte Carlo layer models build on. */
package io.phasesweep.engine.model;
