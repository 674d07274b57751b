package org.opennhi.watch.internal;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * Run in a JVM of its own on an Xvfb display (see {@link WatchWindowXvfbTest}): shows the real desktop window,
 * puts it through the four light states and captures the screen under it with {@link Robot}.
 */
public final class WatchWindowShots {
    static final String[] LABELS = {"no card", "inserted", "authenticated with the SAM", "PIN verified (medical mode)"};

    private WatchWindowShots() {
    }

    private static final java.awt.Color[] HC_COLOURS = {LightsPanel.WHITE, LightsPanel.BROWN, LightsPanel.GREEN,
        LightsPanel.LIGHT_PURPLE};

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        LightsPanel panel = new LightsPanel();
        JFrame[] frame = new JFrame[1];
        SwingUtilities.invokeAndWait(() -> {
            frame[0] = WatchWindow.frame(panel);
            frame[0].setVisible(true);
        });
        Robot robot = new Robot();
        BufferedImage all = null;
        for (int state = 0; state <= 3; state++) {
            Lights lights = new Lights(2, Lights.samLabel(2), state, LABELS[state], state, LABELS[state], "");
            SwingUtilities.invokeAndWait(() -> panel.show(lights));
            robot.waitForIdle();
            Point at = new Point(0, 0);
            SwingUtilities.invokeAndWait(() -> at.setLocation(panel.getLocationOnScreen()));
            // a new window's first paint can lag on a loaded machine: wait (bounded) until the HC light shows the
            // state's colour on screen; the test then checks both lights in the saved shot
            int[] c = LightsPanel.centre(1);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!HC_COLOURS[state].equals(robot.getPixelColor(at.x + c[0] - 18, at.y + c[1]))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(200);
            BufferedImage shot = robot.createScreenCapture(new Rectangle(at.x, at.y, panel.getWidth(), panel.getHeight()));
            ImageIO.write(shot, "png", new File(out.toFile(), "watch-window-" + state + ".png"));
            if (all == null) {
                all = new BufferedImage(shot.getWidth(), shot.getHeight() * 4, BufferedImage.TYPE_INT_RGB);
            }
            all.getGraphics().drawImage(shot, 0, shot.getHeight() * state, null);
        }
        ImageIO.write(all, "png", new File(out.toFile(), "watch-window-states.png"));
        SwingUtilities.invokeAndWait(frame[0]::dispose);
        System.exit(0);
    }
}
