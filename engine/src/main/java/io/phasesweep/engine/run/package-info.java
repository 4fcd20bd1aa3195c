/** Running one unit of work with a time limit and turning every outcome into a {@code raw} row. */
package io.phasesweep.engine.run;
