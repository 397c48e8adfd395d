package cn.egov.kiosk.today;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What staff's day at a glance uses: a day's figures, the day's documents and their reprint. Every
 * call but {@link #today()} and {@link #zone()} reads the store or prints: call it off the JavaFX
 * thread.
 */
public final class StaffDay {
    private final DayFigures figures;
    private final Reprints reprints;

    public StaffDay(DayFigures figures, Reprints reprints) {
        this.figures = figures;
        this.reprints = reprints;
    }

    /** The hall's day now. */
    public LocalDate today() {
        return figures.today();
    }

    /** The hall's time zone, in which days and hours are counted. */
    public ZoneId zone() {
        return figures.zone();
    }

    /** The figures of {@code day}. */
    public DaySummary summary(LocalDate day) {
        return figures.of(day);
    }

    /** The documents printed on {@code day}, each with whether and how it can be printed again. */
    public List<Reprints.Document> documents(LocalDate day) {
        return reprints.of(day);
    }

    /** Prints a document of the day again, audited with {@code actor} ({@code STAFF}, {@code ENGINEER}). */
    public Reprints.Outcome reprint(String printId, String actor) {
        return reprints.reprint(printId, actor);
    }
}
