package io.nagare.cli.demo;

import java.io.PrintStream;

/** A one-line progress bar, redrawn in place ({@code \r}) on a terminal's error stream. */
final class ProgressBar {

    private static final int WIDTH = 40;

    private final PrintStream out;
    private final int total;
    private String last = "";

    ProgressBar(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    /** Draws {@code placed} and {@code ended} out of the total; redraws only when the line changes. */
    synchronized void show(int placed, int ended, String detail) {
        int filled = total == 0 ? WIDTH : ended * WIDTH / total;
        int placedMark = total == 0 ? WIDTH : placed * WIDTH / total;
        StringBuilder bar = new StringBuilder("[");
        for (int i = 0; i < WIDTH; i++) {
            bar.append(i < filled ? '#' : i < placedMark ? '-' : ' ');
        }
        String line = bar.append("] placed ").append(placed).append('/').append(total).append(", ended ")
                .append(ended).append('/').append(total).append(detail.isEmpty() ? "" : "  " + detail).toString();
        if (!line.equals(last)) {
            out.print("\r" + line);
            out.flush();
            last = line;
        }
    }

    synchronized void done() {
        out.println();
    }
}
