package cn.egov.kiosk.tour;

import cn.egov.kiosk.ui.theme.Theme;
import java.util.List;
import java.util.Map;

/**
 * What a walk-through found, as its JSON document has it.
 *
 * @param size the window the kiosk was drawn in, {@code WIDTHxHEIGHT}
 * @param limits what the theme promises on that window (its full-HD figures scaled)
 * @param legible true when every screen of every flow measured at or above the limits
 */
record TourReport(
        String theme,
        String lang,
        String size,
        Theme.Legible limits,
        String out,
        boolean completed,
        boolean legible,
        List<FlowReport> flows) {

    /**
     * One flow.
     *
     * @param completed true only when the flow reached its end as a citizen would see it
     * @param stoppedAt the screen (and the step) where it stopped; null when it completed
     * @param reason why it stopped; null when it completed
     * @param platformReceived what the platform received during the flow, by operation
     * @param printed each print, with the text read back from what the printer got
     * @param screens each screen passed, as measured: {@link Legibility.Screen}
     */
    record FlowReport(
            String name,
            boolean completed,
            String stoppedAt,
            String reason,
            int taps,
            long ms,
            List<Walker.Shot> screenshots,
            Map<String, Integer> platformReceived,
            List<Printed> printed,
            List<Legibility.Screen> screens) {}

    /**
     * One print: its template, the printer, the medium, how it ended, its text, and for a page the
     * picture of its first page beside the screenshots (null for a receipt); {@code codes}: what its
     * QR codes hold, read back from the paper (the receipt's decoded bytes, the page's picture).
     */
    record Printed(
            String template,
            String device,
            String medium,
            String result,
            String text,
            String image,
            List<String> codes) {}
}
