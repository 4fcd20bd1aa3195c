package io.phasesweep.jobs.report;

import java.awt.image.BufferedImage;

/** Mean and variance of an image's grey levels (0–255): a blank page or chart has variance near 0. */
record PixelStats(double mean, double variance) {
    static PixelStats of(BufferedImage image) {
        double sum = 0;
        double squares = 0;
        long n = (long) image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                double grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3.0;
                sum += grey;
                squares += grey * grey;
            }
        }
        double mean = sum / n;
        return new PixelStats(mean, squares / n - mean * mean);
    }
}
