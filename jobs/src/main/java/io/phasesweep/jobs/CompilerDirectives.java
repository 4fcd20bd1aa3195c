package io.phasesweep.jobs;

import org.apache.logging.log4j.LogManager;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimising compiler (C2) off the JDK's and Spark's libraries in the JVM a command
 * runs in, by the compiler directives file the launcher names in {@value #PROPERTY}
 * ({@code conf/compiler-directives.json}); that code still runs compiled by C1, and the simulations
 * (any other package, so a user's own model too) and Spark's generated code still get C2.
 *
 * <p>Why: Spark's start, its query planning and the Parquet writers run thousands of JDK and library
 * methods hot enough for C2, which compiles them for seconds of CPU that a small sweep never earns
 * back, competing with the simulation for the cores (a one-point sweep: 20-22 s of CPU with C2
 * everywhere, 12-14 s with these directives, 10-11 s with C1 only; C1 alone would make Metropolis
 * 1.25-1.5x slower). The directives are added through HotSpot's diagnostic command, not
 * {@code -XX:CompilerDirectivesFile}, because that flag prints "2 compiler directives added" on
 * stdout, which would break every command's machine-readable output.
 */
final class CompilerDirectives {
    /** The system property naming the directives file (set by the launcher; unset: nothing changes). */
    static final String PROPERTY = "phasesweep.compilerDirectives";

    private CompilerDirectives() {
    }

    /**
     * Adds the directives of the file named by {@value #PROPERTY}, if set, on a thread of its own:
     * the JVM's management server that the diagnostic command needs takes a few hundred
     * milliseconds to start, which a command need not wait for, and the sooner the directives
     * are in, the fewer methods C2 compiles (the start-up's string, map and zip code) before they
     * apply. A JVM without HotSpot's diagnostic command, or a file it rejects, costs a warning in
     * the log and changes nothing else.
     */
    static void installInBackground() {
        String file = System.getProperty(PROPERTY);
        if (file != null) {
            Thread adding = new Thread(() -> {
                String reply = add(file);
                if (!reply.contains("directives added")) {
                    LogManager.getLogger(CompilerDirectives.class).warn("compiler directives {} not added: {}", file, reply.strip());
                }
            }, "compiler-directives");
            adding.setDaemon(true);
            adding.start();
        }
    }

    /** Adds the directives of {@code file} to this JVM; returns HotSpot's reply ("2 compiler directives added"). */
    static String add(String file) {
        try {
            return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file}}, new String[] {String[].class.getName()}));
        } catch (JMException | RuntimeException e) {
            return e.toString();
        }
    }
}
