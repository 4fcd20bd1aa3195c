package io.phasesweep.jobs.report;

/**
 * One chart of the page.
 *
 * @param id      the element id, unique in the page (e.g. {@code curves-binder})
 * @param caption what the chart shows and which numbers it uses
 * @param png     the chart, embedded in the page as a data URL
 */
record Figure(String id, String caption, byte[] png) {
}
