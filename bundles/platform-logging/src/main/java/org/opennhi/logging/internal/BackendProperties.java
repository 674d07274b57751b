// SPDX-License-Identifier: Apache-2.0
package org.opennhi.logging.internal;

import java.nio.file.Path;
import java.util.Hashtable;

/**
 * The configuration of pax-logging's log4j2 backend (its PID {@code org.ops4j.pax.logging}, log4j2's properties
 * format with the {@code log4j2.} prefix) for one set of our settings. Rotation, permissions and formats are
 * log4j2's own: nothing here writes or renames a file.
 */
final class BackendProperties {
    /** pax-logging's configuration PID. */
    static final String PAX_PID = "org.ops4j.pax.logging";
    static final String FILE_NAME = "platform.log";
    /** Full events with the thread and the whole logger name: what support needs from a clinic. */
    static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%t] %c - %msg%n";
    /** One line per event; an exception shows as its class and message only. */
    static final String SHORT_PATTERN = "%d{HH:mm:ss} %-5level %c{1}: %msg"
            + "%notEmpty{ (%throwable{short.className}: %throwable{short.message})}%n";
    /** At DEBUG and TRACE a person is diagnosing: stack traces on standard output too. */
    static final String VERBOSE_PATTERN = "%d{HH:mm:ss} %-5level %c{1}: %msg%n%throwable";
    /** Loggers never more verbose than INFO, whatever the level (their DEBUG buries ours). */
    private static final String[] NOISY = {"org.eclipse.jetty", "org.apache.felix.http"};

    private BackendProperties() {
    }

    static Hashtable<String, Object> of(Path logFolder, LogLevel level, LogLevel console, long maxBytes, int keep) {
        String file = logFolder.resolve(FILE_NAME).toAbsolutePath().toString();
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("log4j2.appender.file.type", "RollingFile");
        p.put("log4j2.appender.file.name", "file");
        p.put("log4j2.appender.file.fileName", file);
        p.put("log4j2.appender.file.filePattern", file + ".%i");
        p.put("log4j2.appender.file.append", "true");
        // the log names readers, SAM ids and the home's paths: readable by the platform's user only
        p.put("log4j2.appender.file.filePermissions", "rw-------");
        p.put("log4j2.appender.file.layout.type", "PatternLayout");
        p.put("log4j2.appender.file.layout.pattern", FILE_PATTERN);
        p.put("log4j2.appender.file.policies.type", "Policies");
        p.put("log4j2.appender.file.policies.size.type", "SizeBasedTriggeringPolicy");
        p.put("log4j2.appender.file.policies.size.size", Long.toString(Math.max(1024, maxBytes)));
        p.put("log4j2.appender.file.strategy.type", "DefaultRolloverStrategy");
        p.put("log4j2.appender.file.strategy.max", Integer.toString(Math.max(1, keep)));
        p.put("log4j2.appender.file.strategy.fileIndex", "min"); // platform.log.1 is always the newest

        p.put("log4j2.appender.stdout.type", "Console");
        p.put("log4j2.appender.stdout.name", "stdout");
        p.put("log4j2.appender.stdout.layout.type", "PatternLayout");
        p.put("log4j2.appender.stdout.layout.pattern", level.verbose() ? VERBOSE_PATTERN : SHORT_PATTERN);

        p.put("log4j2.rootLogger.level", level.name());
        p.put("log4j2.rootLogger.appenderRef.file.ref", "file");
        p.put("log4j2.rootLogger.appenderRef.stdout.ref", "stdout");
        p.put("log4j2.rootLogger.appenderRef.stdout.level", console.name());
        for (int i = 0; i < NOISY.length; i++) {
            p.put("log4j2.logger.noisy" + i + ".name", NOISY[i]);
            p.put("log4j2.logger.noisy" + i + ".level", level.atMost(LogLevel.INFO).name());
        }
        return p;
    }
}
