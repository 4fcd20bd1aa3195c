package io.phasesweep.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The phasesweep version and git commit this jar was built from (Maven filters them into
 * {@code build.properties}), for the {@code runs} table.
 *
 * @param gitCommit the commit id, with {@code -dirty} when tracked files had changes, or "unknown"
 */
public record BuildInfo(String version, String gitCommit) {

    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return new BuildInfo("unknown", "unknown");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String commit = p.getProperty("git.commit", "unknown");
        if ("true".equals(p.getProperty("git.dirty"))) {
            commit += "-dirty";
        }
        return new BuildInfo(p.getProperty("version", "unknown"), commit);
    }
}
