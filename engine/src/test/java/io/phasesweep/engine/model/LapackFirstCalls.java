package io.phasesweep.engine.model;

import java.util.concurrent.CountDownLatch;

/** For {@link LapackTest}, in a fresh JVM: 8 threads ask {@link Lapack} for sfmin/eps at once, and print what each got. */
public final class LapackFirstCalls {
    private LapackFirstCalls() {
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        double[] ratio = new double[threads];
        Thread[] all = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            int k = i;
            all[i] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ratio[k] = Lapack.get().dlamch("S") / Lapack.get().dlamch("E");
            });
            all[i].start();
        }
        start.countDown();
        for (Thread t : all) {
            t.join();
        }
        StringBuilder out = new StringBuilder();
        for (double r : ratio) {
            out.append(r).append(' ');
        }
        System.out.println(out.toString().trim());
    }
}
