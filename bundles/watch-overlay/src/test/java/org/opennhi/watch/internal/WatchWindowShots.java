// SPDX-License-Identifier: Apache-2.0
package org.opennhi.watch.internal;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
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
            // a new window's first paint can lag on a loaded machine, and where AWT says the window is was once 20 px
            // off where the X server showed it (a CI run shot the screen's black corner): wait (bounded) until the
            // HC light shows the state's colour where the window really is on screen; the test then checks both
            // lights in the saved shot
            int[] c = LightsPanel.centre(1);
            Point at = new Point(0, 0);
            long deadline = System.nanoTime() + 10_000_000_000L;
            do {
                at = onScreen(robot).orElse(at);
                if (HC_COLOURS[state].equals(robot.getPixelColor(at.x + c[0] - 18, at.y + c[1]))) {
                    break;
                }
                Thread.sleep(50);
            } while (System.nanoTime() < deadline);
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

    /**
     * @return the window's top-left corner as the screen shows it: Xvfb's root window is black and the window is
     *         the only one on it (no window manager, so no frame around it), so it is the first pixel that is not
     *         black; empty while nothing is drawn
     */
    private static java.util.Optional<Point> onScreen(Robot robot) {
        BufferedImage screen = robot.createScreenCapture(new Rectangle(Toolkit.getDefaultToolkit().getScreenSize()));
        int top = -1;
        int left = Integer.MAX_VALUE;
        for (int y = 0; y < screen.getHeight(); y++) {
            for (int x = 0; x < Math.min(left, screen.getWidth()); x++) {
                if ((screen.getRGB(x, y) & 0xFFFFFF) != 0) {
                    top = top < 0 ? y : top;
                    left = x;
                    break;
                }
            }
        }
        return top < 0 ? java.util.Optional.empty() : java.util.Optional.of(new Point(left, top));
    }
}
