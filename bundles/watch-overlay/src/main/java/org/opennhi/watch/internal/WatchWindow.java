// SPDX-License-Identifier: Apache-2.0
package org.opennhi.watch.internal;

import java.awt.GraphicsEnvironment;
import java.net.URI;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformSettings;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The small always-on-top desktop window of the watch overlay (模擬健保讀卡機燈號浮動視窗): shown while
 * {@code CSWATCH} is enabled (the {@code watchOverlay} setting), hidden when it is switched off, live. Closing the
 * window only hides it; nothing a person does to it stops the platform. On a machine without a display it stays
 * off and says so once.
 */
@Component(immediate = true)
public final class WatchWindow {
    private final BundleContext context;
    private final NhiHome home;
    private JFrame frame;
    private LightsPanel panel;
    private EventFeed feed;
    private boolean toldHeadless;

    @Activate
    public WatchWindow(BundleContext context, @Reference NhiHome home) {
        this.context = context;
        this.home = home;
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedSettings")
    void bindSettings(PlatformSettings settings) {
        apply(settings.watchOverlay());
    }

    void updatedSettings(PlatformSettings settings) {
        apply(settings.watchOverlay());
    }

    void unbindSettings(PlatformSettings settings) {
        // a replacement binds next (greedy); hiding in between would only flicker
    }

    @Deactivate
    synchronized void deactivate() {
        apply(false);
        if (frame != null) {
            JFrame f = frame;
            SwingUtilities.invokeLater(f::dispose);
            frame = null;
        }
    }

    private synchronized void apply(boolean show) {
        if (show && GraphicsEnvironment.isHeadless()) {
            if (!toldHeadless) {
                System.err.println("CSWATCH is enabled but this machine has no display: use the web overlay at /watch/");
                toldHeadless = true;
            }
            return;
        }
        if (show) {
            if (feed == null) {
                String port = context.getProperty("org.osgi.service.http.port");
                feed = new EventFeed(URI.create("http://127.0.0.1:" + (port == null ? "7711" : port) + "/events"),
                        home.iniFolder().resolve("api-token"), lights -> {
                            LightsPanel p = panel;
                            if (p != null) {
                                p.show(lights);
                            }
                        });
            }
            SwingUtilities.invokeLater(this::showFrame);
        } else {
            if (feed != null) {
                feed.close();
                feed = null;
            }
            JFrame f = frame;
            if (f != null) {
                SwingUtilities.invokeLater(() -> f.setVisible(false));
            }
        }
    }

    private synchronized void showFrame() {
        if (frame == null) {
            panel = new LightsPanel();
            frame = frame(panel);
        }
        frame.setVisible(true);
    }

    /** The window itself: small, on top, and closing it only hides it. */
    static JFrame frame(LightsPanel panel) {
        JFrame f = new JFrame("模擬健保讀卡機燈號 NHI lights");
        f.setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
        f.setAlwaysOnTop(true);
        f.setResizable(false);
        f.setFocusableWindowState(false);
        f.getContentPane().add(panel);
        f.pack();
        f.setLocation(20, 20);
        return f;
    }
}
