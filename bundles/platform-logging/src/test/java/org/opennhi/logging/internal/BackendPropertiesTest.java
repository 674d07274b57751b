// SPDX-License-Identifier: Apache-2.0
package org.opennhi.logging.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Optional;

import org.junit.Test;

public class BackendPropertiesTest {
    private final Path log = Path.of("/nhi/LOG");

    @Test
    public void aRollingOwnerOnlyFileAndAShortStandardOutput() {
        Hashtable<String, Object> p = BackendProperties.of(log, LogLevel.INFO, LogLevel.WARN, 4096, 3);
        assertEquals("/nhi/LOG/platform.log", p.get("log4j2.appender.file.fileName"));
        assertEquals("/nhi/LOG/platform.log.%i", p.get("log4j2.appender.file.filePattern"));
        assertEquals("rw-------", p.get("log4j2.appender.file.filePermissions"));
        assertEquals("4096", p.get("log4j2.appender.file.policies.size.size"));
        assertEquals("3", p.get("log4j2.appender.file.strategy.max"));
        assertEquals("INFO", p.get("log4j2.rootLogger.level"));
        assertEquals("WARN", p.get("log4j2.rootLogger.appenderRef.stdout.level"));
        assertEquals(BackendProperties.SHORT_PATTERN, p.get("log4j2.appender.stdout.layout.pattern"));
        assertFalse(p.values().stream().anyMatch(v -> String.valueOf(v).contains("%ex")));
    }

    @Test
    public void stackTracesOnStandardOutputOnlyAtDebug() {
        Hashtable<String, Object> p = BackendProperties.of(log, LogLevel.DEBUG, LogLevel.WARN, 4096, 3);
        assertEquals(BackendProperties.VERBOSE_PATTERN, p.get("log4j2.appender.stdout.layout.pattern"));
        assertEquals("DEBUG", p.get("log4j2.rootLogger.level"));
        assertEquals("INFO", p.get("log4j2.logger.noisy0.level")); // Jetty never floods the file
    }

    @Test
    public void limitsAreNeverBelowSane() {
        Hashtable<String, Object> p = BackendProperties.of(log, LogLevel.WARN, LogLevel.WARN, 0, 0);
        assertEquals("1024", p.get("log4j2.appender.file.policies.size.size"));
        assertEquals("1", p.get("log4j2.appender.file.strategy.max"));
        assertEquals("WARN", p.get("log4j2.logger.noisy0.level"));
    }

    @Test
    public void levelsParseInAnyCase() {
        assertEquals(Optional.of(LogLevel.DEBUG), LogLevel.parse(" debug "));
        assertTrue(LogLevel.parse("LOUD").isEmpty());
        assertTrue(LogLevel.parse(null).isEmpty());
    }
}
