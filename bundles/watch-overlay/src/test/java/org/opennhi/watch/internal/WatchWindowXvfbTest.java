// SPDX-License-Identifier: Apache-2.0
package org.opennhi.watch.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.Test;

/**
 * The desktop window on a real X server (Xvfb, Debian package {@code xvfb}; the test fails without it): a child
 * JVM shows it and screenshots the four states into {@code target/screenshots/}; here the pixels at the centre of
 * the HC and HPC lights are checked against the official colours.
 */
public class WatchWindowXvfbTest {
    private static final Path XVFB = Path.of("/usr/bin/Xvfb");
    private static final Path SHOTS = Path.of("target/screenshots");

    @Test
    public void theWindowShowsTheFourStatesInTheirColours() throws Exception {
        assertTrue("install Debian's xvfb (./nhi test does)", Files.isExecutable(XVFB));
        // -displayfd: Xvfb picks a free display and tells us which, so parallel runs never collide
        Process xvfb = new ProcessBuilder(XVFB.toString(), "-displayfd", "1", "-screen", "0", "800x600x24",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String display = new BufferedReader(new InputStreamReader(xvfb.getInputStream())).readLine();
            assertTrue("Xvfb names its display", display != null && display.strip().matches("[0-9]+"));
            ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), WatchWindowShots.class.getName(), SHOTS.toString())
                    .redirectErrorStream(true).redirectOutput(Path.of("target/watch-window-shots.log").toFile());
            child.environment().put("DISPLAY", ":" + display.strip());
            Process p = child.start();
            assertTrue("the window was shot within a minute", p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(Files.readString(Path.of("target/watch-window-shots.log")), 0, p.exitValue());
        } finally {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
        // the official colours by name (white, brown, green HC / orange HPC, light purple) as the web page paints
        // them: the window must look like the page, whatever LightsPanel's constants say
        Color[][] expected = {
            {webColour("white"), webColour("white")},
            {webColour("brown"), webColour("brown")},
            {webColour("green"), webColour("orange")},
            {webColour("lightpurple"), webColour("lightpurple")}};
        for (int state = 0; state <= 3; state++) {
            BufferedImage shot = ImageIO.read(SHOTS.resolve("watch-window-" + state + ".png").toFile());
            for (int slot = 1; slot <= 2; slot++) {
                int[] c = LightsPanel.centre(slot);
                // beside the number drawn in the middle of the light
                Color seen = new Color(shot.getRGB(c[0] - 18, c[1]));
                assertEquals("state " + state + (slot == 1 ? " HC" : " HPC"), expected[state][slot - 1], seen);
            }
        }
        assertTrue(Files.size(SHOTS.resolve("watch-window-states.png")) > 0);
    }

    /** @return the background of {@code .light.NAME} in the web page's stylesheet */
    private static Color webColour(String name) throws Exception {
        try (InputStream in = WatchWindowXvfbTest.class.getClassLoader().getResourceAsStream("watch-web/watch.css")) {
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\\.light\\." + name + " \\{ background: #([0-9a-f]{6}); \\}").matcher(css);
            assertTrue("watch.css paints .light." + name, m.find());
            return new Color(Integer.parseInt(m.group(1), 16));
        }
    }
}
