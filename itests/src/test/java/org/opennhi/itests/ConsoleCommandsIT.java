// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.opennhi.contracts.platform.PlatformSettings;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/** The console's Gogo commands in the distribution's bundle set (no SAM file, no cards: a new clinic PC). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleCommandsIT {
    @Inject
    private BundleContext context;
    @Inject
    private PlatformSettings settings;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws java.io.IOException {
        return PlatformOptions.platform().toArray(new Option[0]);
    }

    private String gogo(String command) throws Exception {
        Await.until("the console's commands are registered", () -> {
            try {
                return context.getServiceReference(CommandProcessor.class) != null
                        && context.getServiceReferences((String) null, "(osgi.command.function=softwarereset)") != null;
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        CommandProcessor gogo = context.getService(context.getServiceReference(CommandProcessor.class));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true);
        try (CommandSession session = gogo.createSession(new ByteArrayInputStream(new byte[0]), print, print)) {
            return String.valueOf(session.execute(command));
        }
    }

    @Test
    public void switchesTakeEffectLive() throws Exception {
        assertTrue(gogo("opennhi:fastauth on").contains("on"));
        Await.until("HPC fast auth on", () -> settings.hpcFastAuth());
        gogo("opennhi:fastauth off");
        Await.until("HPC fast auth off", () -> !settings.hpcFastAuth());
        gogo("opennhi:remote");
        Await.until("remote desktop", () -> settings.remoteDesktop());
        gogo("opennhi:local");
        Await.until("this PC", () -> !settings.remoteDesktop());
        try {
            gogo("opennhi:fastauth maybe");
            fail("only on or off");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("on|off"));
        }
    }

    @Test
    public void resetsAndSamAuthenticationAnswerWithWhatHappened() throws Exception {
        String hc = gogo("opennhi:softwarereset 3");
        assertEquals("HC reset: the next call reads and authenticates the card again", hc);
        String hpc = gogo("opennhi:softwarereset 2");
        assertEquals("HPC reset: its PIN must be verified again; card engine state reset", hpc);
        try {
            gogo("opennhi:softwarereset 4");
            fail("csSoftwareReset knows 0 to 3");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("0 (reader)"));
        }
        // a new home has no SAM file: the documented 9200, not a hang
        String auth = gogo("opennhi:samauth");
        assertTrue(auth, auth.startsWith("failed: 9200"));
        String reader = gogo("opennhi:softwarereset 0");
        assertTrue(reader, reader.contains("reader plugin 'pcsc' restarted"));
    }

    @Test
    public void showsTheLogFolder() throws Exception {
        Await.until("the legacy import wrote its report", () -> {
            try {
                return gogo("opennhi:log").contains("legacy-ini-import.log");
            } catch (Exception e) {
                return false;
            }
        });
        assertTrue(gogo("opennhi:log legacy-ini-import.log").contains("Legacy INI import"));
    }
}
