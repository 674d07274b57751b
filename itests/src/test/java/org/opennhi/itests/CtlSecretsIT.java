// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Every {@code nhi-cs ctl} command of the README keeps the API token and the HPC's PIN off the command lines
 * (issue 16: every local user reads argv with {@code ps}) and out of the environment of the programs it runs: a
 * {@code curl} first on the PATH records each invocation's argv and environment, then runs the real curl.
 */
public class CtlSecretsIT {
    private static final String PIN = "1234";
    private static DemoPlatform platform;
    private static Path shim;

    @BeforeClass
    public static void start() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("opennhi.itest.work", "target/itest-work")));
        platform = DemoPlatform.start(work, Map.of(), "");
        shim = Files.createTempDirectory(work.toAbsolutePath(), "curl-shim-");
        String realCurl = new String(new ProcessBuilder("sh", "-c", "command -v curl").start().getInputStream()
                .readAllBytes(), StandardCharsets.UTF_8).strip();
        assertFalse("curl must be installed (./nhi test installs it)", realCurl.isEmpty());
        Path script = shim.resolve("curl");
        Files.writeString(script, "#!/bin/sh\n"
                + "printf '%s\\n' \"$@\" >> '" + shim.resolve("argv.log") + "'\n"
                + "env >> '" + shim.resolve("env.log") + "'\n"
                + "echo --- >> '" + shim.resolve("argv.log") + "'\n"
                + "exec '" + realCurl + "' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    private static String ctl(String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(DemoPlatform.DIST.resolve("bin/nhi-cs").toString(), "--home",
                platform.home.toString(), "--port", Integer.toString(platform.port), "ctl"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", shim + ":" + System.getenv("PATH"));
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("ctl " + String.join(" ", args) + " finished", p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("ctl " + String.join(" ", args) + ": " + out, 0, p.exitValue());
        return out;
    }

    @Test
    public void noTokenAndNoPinInArgvOrTheEnvironment() throws Exception {
        String[][] commands = {{"status"}, {"settings"}, {"reader-type"}, {"sam-mode"}, {"card", "list"},
            {"card", "insert", "hc", "900000000002"}, {"card", "authenticate", "hc"}, {"card", "remove", "hc"},
            {"card", "insert", "hc", "900000000001"}, {"sam-auth"}, {"rescan"}, {"reset", "3"}, {"fast-auth", "on"},
            {"fast-auth", "off"}, {"remote"}, {"local"}, {"log"}, {"ui-link", "watch"}, {"ui-link", "admin"}};
        for (String[] c : commands) {
            ctl("", c);
        }
        String verified = ctl(PIN + "\n", "card", "verify-pin");
        String argv = Files.readString(shim.resolve("argv.log"));
        String env = Files.readString(shim.resolve("env.log"));
        int runs = argv.split("\n---\n", -1).length - 1;
        assertTrue("curl ran for every command (" + runs + ")", runs >= commands.length + 1);
        String token = platform.token();
        assertFalse("the token in a curl argv", argv.contains(token));
        assertFalse("the token in a curl environment", env.contains(token));
        assertFalse("the PIN in a curl argv", argv.contains("\"pin\"") || argv.lines().anyMatch(PIN::equals));
        assertFalse("the PIN in a curl environment", env.contains("\"pin\""));
        assertTrue("the PIN on stdin reached the platform: " + verified, verified.contains("PIN is verified"));
        System.out.println("ctl secrets: " + (commands.length + 1) + " ctl commands, " + runs
                + " curl runs, 0 with the token or the PIN in argv or environment");
    }
}
