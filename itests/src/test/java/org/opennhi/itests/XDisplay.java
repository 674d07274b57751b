// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

/**
 * A private X display for a test that uses a real window as a person does: Xvfb (Debian {@code xvfb}) on a
 * display it picks itself ({@code -displayfd}, so parallel runs never collide), xdotool (Debian {@code xdotool})
 * to find windows, type and click, and screenshots taken with {@link Robot} by a child JVM on that display.
 * There is no window manager: a test gives a new window the keyboard as one would ({@code windowfocus}).
 * Missing tools fail the test (./nhi test installs them).
 */
final class XDisplay implements AutoCloseable {
    /** ":N" */
    final String name;
    private final Process xvfb;
    private final String xdotool;

    private XDisplay(String name, Process xvfb, String xdotool) {
        this.name = name;
        this.xvfb = xvfb;
        this.xdotool = xdotool;
    }

    static XDisplay start() throws Exception {
        String server = NativeWindowsIT.tool("Xvfb", "apt-get install xvfb", "/usr/bin/Xvfb", "Xvfb");
        String xdotool = NativeWindowsIT.tool("xdotool", "apt-get install xdotool");
        Process xvfb = new ProcessBuilder(server, "-displayfd", "1", "-screen", "0", "640x480x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String display = new BufferedReader(new InputStreamReader(xvfb.getInputStream())).readLine();
        if (display == null || !display.strip().matches("[0-9]+")) {
            xvfb.destroyForcibly();
            throw new AssertionError("Xvfb named no display: " + display);
        }
        return new XDisplay(":" + display.strip(), xvfb, xdotool);
    }

    /** Runs xdotool on this display: its output; fails with it unless xdotool exits 0. */
    String xdotool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(xdotool));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DISPLAY", name);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(cmd + " exited " + p.exitValue() + ": " + out);
        }
        return out.strip();
    }

    /** The visible window titled exactly {@code title}, waited for while {@code owner} runs; else fails, with log. */
    String window(String title, Process owner, long ms, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < deadline && owner.isAlive()) {
            try {
                String ids = xdotool("search", "--onlyvisible", "--name", "^" + title + "$");
                if (!ids.isEmpty()) {
                    return ids.lines().findFirst().orElseThrow();
                }
            } catch (AssertionError none) {
                // xdotool search exits 1 while there is no such window
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no window \"" + title + "\" on " + name + (owner.isAlive() ? " within " + ms
                + " ms" : ": the program ended") + ":\n" + Files.readString(log, StandardCharsets.ISO_8859_1));
    }

    /** A screenshot of {@code window}'s area, taken once it is drawn (two captures alike), saved as {@code png}. */
    BufferedImage screenshot(String window, Path png) throws Exception {
        String x = "", y = "", w = "", h = "";
        for (String line : xdotool("getwindowgeometry", "--shell", window).split("\n")) {
            String[] kv = line.split("=", 2);
            switch (kv[0]) {
            case "X" -> x = kv[1];
            case "Y" -> y = kv[1];
            case "WIDTH" -> w = kv[1];
            case "HEIGHT" -> h = kv[1];
            default -> {
            }
            }
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        String classes = Path.of(XDisplay.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes, XDisplay.class.getName(), x, y, w, h, png.toAbsolutePath().toString())
                .redirectErrorStream(true);
        pb.environment().put("DISPLAY", name);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("no screenshot of " + window + ": " + out);
        }
        return ImageIO.read(png.toFile());
    }

    /**
     * How many pixel columns of {@code area} cross at least {@code strokes} separate dark strokes (darker than
     * the light grey of a dialog). Latin letters cross at most three; a Chinese character such as 醫 or 員 more;
     * the hollow box drawn for a glyph the font lacks two.
     */
    static int columnsCrossing(BufferedImage image, Rectangle area, int strokes) {
        int columns = 0;
        for (int x = area.x; x < area.x + area.width; x++) {
            int runs = 0;
            boolean dark = false;
            for (int y = area.y; y < area.y + area.height; y++) {
                int rgb = image.getRGB(x, y);
                int luminance = (3 * (rgb >> 16 & 255) + 6 * (rgb >> 8 & 255) + (rgb & 255)) / 10;
                runs += luminance < 200 && !dark ? 1 : 0;
                dark = luminance < 200;
            }
            columns += runs >= strokes ? 1 : 0;
        }
        return columns;
    }

    /** Ends Xvfb (and so every client still on it). */
    @Override
    public void close() throws Exception {
        xvfb.destroy();
        if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly();
        }
    }

    /** The child JVM of {@link #screenshot}: x y width height file.png, on $DISPLAY. */
    public static void main(String[] args) throws Exception {
        Rectangle area = new Rectangle(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]));
        Robot robot = new Robot();
        BufferedImage last = robot.createScreenCapture(area);
        for (int i = 0; i < 50; i++) {
            Thread.sleep(100);
            BufferedImage now = robot.createScreenCapture(area);
            boolean same = Arrays.equals(pixels(last), pixels(now));
            last = now;
            if (same) {
                break;
            }
        }
        ImageIO.write(last, "png", new File(args[4]));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
