// SPDX-License-Identifier: Apache-2.0
package org.opennhi.watch.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

import javax.swing.JComponent;

/**
 * The three official lights (SAM, HC, HPC), each with its number and its meaning in words, so nobody has to
 * tell brown from orange. Colours: 0 white, 1 brown, 2 green (HC, SAM) / orange (HPC), 3 light purple, 9 grey.
 */
final class LightsPanel extends JComponent {
    private static final long serialVersionUID = 1L;
    static final Color WHITE = Color.WHITE;
    static final Color BROWN = new Color(0x8b5a2b);
    static final Color GREEN = new Color(0x2e9d3a);
    static final Color ORANGE = new Color(0xf28c28);
    static final Color LIGHT_PURPLE = new Color(0xc8a2e8);
    static final Color GREY = new Color(0x9a9a9a);
    static final int CELL = 180;
    static final int DIAMETER = 56;
    static final int TOP = 34;

    private transient volatile Lights lights = Lights.UNKNOWN;

    LightsPanel() {
        setPreferredSize(new Dimension(3 * CELL, 170));
        setOpaque(true);
    }

    void show(Lights next) {
        lights = next;
        repaint();
    }

    static Color colour(String slot, int value) {
        return switch (value) {
            case 0 -> WHITE;
            case 1 -> BROWN;
            case 2 -> "HPC".equals(slot) ? ORANGE : GREEN;
            case 3 -> LIGHT_PURPLE;
            default -> GREY;
        };
    }

    /** @return the centre of a slot's light, for tests that look at the pixels */
    static int[] centre(int index) {
        return new int[] {index * CELL + CELL / 2, TOP + DIAMETER / 2};
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xf4f4f4));
            g.fillRect(0, 0, getWidth(), getHeight());
            Lights l = lights;
            draw(g, 0, "SAM 安全模組", "SAM", l.sam(), l.samLabel());
            draw(g, 1, "HC 健保卡", "HC", l.hc(), l.hcLabel());
            draw(g, 2, "HPC 醫事人員卡", "HPC", l.hpc(), l.hpcLabel());
            if (!l.notice().isEmpty()) {
                // a 取號 notice stays in the window until the card leaves: never a dialog that blocks the desk
                g.setColor(l.noticeRed() ? new Color(0xc00000) : new Color(0x7a5a00));
                g.setFont(font(l.noticeRed() ? Font.BOLD : Font.PLAIN, 12));
                g.drawString(fit(g, l.notice(), getWidth() - 10), 5, getHeight() - 22);
            }
            if (!l.lastError().isEmpty()) {
                g.setColor(new Color(0xaa0000));
                g.setFont(font(Font.PLAIN, 11));
                g.drawString(fit(g, "Last error: " + l.lastError(), getWidth() - 10), 5, getHeight() - 6);
            }
        } finally {
            g.dispose();
        }
    }

    private void draw(Graphics2D g, int index, String title, String slot, int value, String label) {
        int x = index * CELL;
        g.setColor(Color.DARK_GRAY);
        g.setFont(font(Font.BOLD, 13));
        centred(g, title, x, 20);
        int cx = x + (CELL - DIAMETER) / 2;
        g.setColor(colour(slot, value));
        g.fillOval(cx, TOP, DIAMETER, DIAMETER);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(2.5f));
        g.drawOval(cx, TOP, DIAMETER, DIAMETER);
        g.setFont(font(Font.BOLD, 24));
        g.setColor(Color.BLACK);
        centred(g, Integer.toString(value), x, TOP + DIAMETER / 2 + 9);
        g.setFont(font(Font.PLAIN, 12));
        centred(g, fit(g, label, CELL - 8), x, TOP + DIAMETER + 20);
    }

    private static Font font(int style, int size) {
        // a logical font, so CJK titles render wherever a CJK font is installed
        return new Font(Font.SANS_SERIF, style, size);
    }

    private static void centred(Graphics2D g, String text, int cellX, int baseline) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, cellX + (CELL - m.stringWidth(text)) / 2, baseline);
    }

    private static String fit(Graphics2D g, String text, int width) {
        FontMetrics m = g.getFontMetrics();
        if (m.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && m.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
