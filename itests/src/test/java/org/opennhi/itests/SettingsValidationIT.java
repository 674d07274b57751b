// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformSettings;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Issue 16 item 5: an invalid setting is refused over HTTP (400), Gogo and ConfigAdmin itself (a configuration
 * file, another bundle, a Gogo session calling ConfigAdmin): the value in force stays, the stored configuration is
 * put back, and {@code /status} names the refusal as its last error.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SettingsValidationIT {
    private static final String[][] BAD = {{"samPort", "../../../etc"}, {"samPort", "comx1"}, {"samPort", "COMX0"},
        {"readerType", "Bad Type"}, {"readerType", "../x"}, {"samMode", "magic"}};

    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin configAdmin;
    @Inject
    private PlatformSettings settings;
    @Inject
    private NhiHome home;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws IOException {
        return PlatformOptions.platform().toArray(new Option[0]);
    }

    private Object stored(String key) throws IOException {
        Dictionary<String, Object> p = configAdmin.getConfiguration(PlatformSettings.PID, "?").getProperties();
        return p == null ? null : p.get(key);
    }

    private static boolean validOrUnset(String key, Object value) {
        return value == null || switch (key) {
            case "samPort" -> value.toString().matches("COMX[1-9][0-9]?");
            case "readerType" -> value.toString().matches("[a-z0-9][a-z0-9-]{0,31}");
            default -> value.toString().matches("cloud|physical");
        };
    }

    @Test
    public void configAdminValuesAreRefusedAndPutBack() throws Exception {
        int refused = 0;
        for (String[] bad : BAD) {
            String key = bad[0];
            String before = current(key);
            Configuration c = configAdmin.getConfiguration(PlatformSettings.PID, "?");
            Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
            props.put(key, bad[1]);
            c.update(props);
            Await.until("the stored " + key + " is put back from " + bad[1], () -> {
                try {
                    return validOrUnset(key, stored(key));
                } catch (IOException e) {
                    return false;
                }
            });
            assertEquals("the " + key + " in force", before, current(key));
            refused++;
        }
        // the refusal reaches /status through the platform events' own thread: wait for it, do not race it
        Await.until("/status names the refusal", () -> {
            try {
                return RawHttp.send(port(), "GET", "/status", authorised()).body().contains("Setting refused");
            } catch (IOException e) {
                return false;
            }
        });
        System.out.println("settings over ConfigAdmin: " + refused + " invalid values refused, none in force,"
                + " none left stored; /status lastError names the refusal");
    }

    @Test
    public void httpAndGogoRefuseAndStoreNothing() throws Exception {
        Map<String, String> json = authorised();
        json.put("Content-Type", "application/json");
        int refused = 0;
        for (String[] bad : BAD) {
            Object storedBefore = stored(bad[0]);
            RawHttp.Response put = RawHttp.send(port(), "PUT", "/settings/platform", json,
                    "{\"" + bad[0] + "\":\"" + bad[1].replace("\\", "\\\\") + "\"}");
            assertEquals(bad[0] + "=" + bad[1] + ": " + put.body(), 400, put.status());
            assertEquals("nothing stored", storedBefore, stored(bad[0]));
            refused++;
        }
        Object typeBefore = stored("readerType");
        for (String bad : new String[] {"\"Bad Type\"", "../../etc", "UPPER"}) {
            String said = gogo("opennhi:readertype " + bad);
            assertTrue(said, said.contains("A reader type is a short lower-case name"));
            assertEquals("nothing stored", typeBefore, stored("readerType"));
            refused++;
        }
        System.out.println("settings over HTTP and Gogo: " + refused + " invalid values refused (400 / message),"
                + " nothing stored");
    }

    private String current(String key) {
        return switch (key) {
            case "samPort" -> settings.samPort();
            case "readerType" -> settings.readerType();
            default -> settings.samMode();
        };
    }

    private String gogo(String command) throws Exception {
        CommandProcessor gogo = context.getService(context.getServiceReference(CommandProcessor.class));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true);
        try (CommandSession session = gogo.createSession(new ByteArrayInputStream(new byte[0]), print, print)) {
            return String.valueOf(session.execute(command)) + out;
        }
    }

    private Map<String, String> authorised() throws IOException {
        String token = Files.readString(home.iniFolder().resolve("api-token")).strip();
        return RawHttp.headers("Host", "127.0.0.1:" + port(), "Authorization", "Bearer " + token);
    }

    private int port() {
        return Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
    }
}
