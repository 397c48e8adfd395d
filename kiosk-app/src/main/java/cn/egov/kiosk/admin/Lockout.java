package cn.egov.kiosk.admin;

import java.time.Duration;

/**
 * How long the PIN pad stays shut after wrong PINs in a row: the 5th wrong one shuts it for a
 * minute, and every 5 more double it (2, 4, 8, 16, 32 minutes), up to an hour; a right PIN starts
 * the count again. The count and the end of the lock are kept in the store, so a restart does not
 * reset them.
 *
 * <p>What that allows: a stranger typing without pause gets 5 guesses, waits, and so on. The first
 * 35 guesses cost 123 minutes of locks, then it is 5 guesses an hour: over a 12-hour night {@link
 * #guessesWithin} gives 85 guesses, over 24 hours 145, against a million 6-digit PINs (one chance
 * in about 12,000 a night, trivial ones left out). The plain PIN of before, 5 tries a minute, allowed
 * 3,600 in 12 hours and 7,200 in 24.
 */
public final class Lockout {
    /** Wrong PINs in a row that shut the pad (and again every so many more). */
    public static final int ATTEMPTS = 5;

    public static final Duration FIRST = Duration.ofMinutes(1);
    public static final Duration LONGEST = Duration.ofHours(1);

    private Lockout() {}

    /**
     * How long the pad shuts after the {@code wrongInARow}-th wrong PIN in a row: zero unless it is a
     * multiple of {@link #ATTEMPTS}; then {@link #FIRST}, doubled for every {@link #ATTEMPTS} before,
     * at most {@link #LONGEST}.
     */
    public static Duration after(int wrongInARow) {
        if (wrongInARow <= 0 || wrongInARow % ATTEMPTS != 0) {
            return Duration.ZERO;
        }
        int doublings = wrongInARow / ATTEMPTS - 1;
        if (doublings >= 31) {
            return LONGEST;
        }
        Duration d = FIRST.multipliedBy(1L << doublings);
        return d.compareTo(LONGEST) > 0 ? LONGEST : d;
    }

    /** Wrong PINs still to go before the pad shuts, after {@code wrongInARow} (1 to {@link #ATTEMPTS}). */
    public static int leftBeforeLock(int wrongInARow) {
        return ATTEMPTS - Math.floorMod(wrongInARow, ATTEMPTS);
    }

    /**
     * The most PINs one can try within {@code window} from a first guess, typing each in no time and
     * never guessing right: the figure the lock-out is made for.
     */
    public static long guessesWithin(Duration window) {
        Duration used = Duration.ZERO;
        long guesses = 0;
        while (true) {
            guesses++;
            used = used.plus(after((int) Math.min(guesses, Integer.MAX_VALUE)));
            if (used.compareTo(window) >= 0) {
                // the guess that started this lock counts; no guess fits in what is left
                return guesses;
            }
        }
    }
}
