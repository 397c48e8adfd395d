package cn.egov.kiosk.device.idcard.sam;

import cn.egov.kiosk.device.idcard.IdCard;
import cn.egov.kiosk.device.idcard.ResidentIdCard;
import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.LinkException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resident ID card reader that speaks the SAM protocol on a byte link: the simulator of the
 * tests, of the benchmark, and of {@code ./kiosk sim id-reader}, with which engineers check a
 * kiosk's wiring. Cards are placed and lifted ({@link #place}, {@link #lift}, or in turn from a list
 * with {@link #playInTurn}); like a real reader it finds a card, selects it, reads it once, then
 * does not find it again until it has been lifted; while it lies there read, the appended-address
 * command is still answered.
 *
 * <p>Faults for training and tests: a bad checksum, a truncated answer, garbage before the
 * preamble (each for the next answer), slow answers, a failed SAM, no card ever found. The reader
 * can pace its answers at a line rate, as a real serial line would (pseudo-terminals do not).
 */
public final class VirtualSamReader {
    private static final Logger log = LoggerFactory.getLogger(VirtualSamReader.class);

    /** The faults it can play: once with {@link #inject}, on every answer with {@link #injectAlways}. */
    public enum Fault {
        /** The next answer carries a wrong checksum. */
        BAD_CHECKSUM,
        /** The next answer stops half-way. */
        TRUNCATED,
        /** Random bytes come before the next answer's preamble. */
        GARBAGE,
        /** The answer comes late (see {@link #setSlowAnswers}): past the driver's timeout, silence. */
        SLOW,
        /** The SAM fails its self-check: the command is answered 0x60. */
        SAM_FAILURE,
        /** Find-card finds no card. */
        NO_CARD
    }

    private enum CardState {
        NONE,
        PRESENT,
        SELECTED,
        READ
    }

    /** What happened, for a console or a test: placed, found, read, lifted; never the card's data. */
    public record Event(String what, long nanos) {}

    private final Object lock = new Object();
    private final Random random = new Random();
    private final Set<Fault> faults = EnumSet.noneOf(Fault.class);
    /** Faults played on every answer, not just the next. */
    private final Set<Fault> always = EnumSet.noneOf(Fault.class);

    private final byte[] samId = SamIds.bytes(5, 1, 20_101_220, 12_345_678, 1_234_567_890);
    private IdCard card;
    private CardState cardState = CardState.NONE;
    private Duration slowBy = Duration.ofMillis(300);
    private int baud;
    private volatile long placedNanos;
    private volatile long lastAnswerNanos;
    private volatile Consumer<Event> events = e -> {};
    private volatile Thread server;
    private volatile Thread turns;
    private volatile ByteLink link;

    // ---- cards ---------------------------------------------------------------------------------

    /** Puts a card on the reader (lifting the one there). */
    public void place(IdCard placed) {
        synchronized (lock) {
            card = placed;
            cardState = CardState.PRESENT;
            placedNanos = System.nanoTime();
        }
        events.accept(new Event("placed " + placed.type(), placedNanos));
    }

    /** Lifts the card off the reader. */
    public void lift() {
        synchronized (lock) {
            card = null;
            cardState = CardState.NONE;
        }
        events.accept(new Event("lifted", System.nanoTime()));
    }

    /**
     * Plays a queue of citizens: each card is placed, lifted {@code liftAfter} once it has been read,
     * and the next one placed {@code nextAfter} later; the list starts over at its end.
     */
    public void playInTurn(List<IdCard> cards, Duration liftAfter, Duration nextAfter) {
        Thread t = new Thread(
                () -> {
                    Deque<IdCard> queue = new ArrayDeque<>();
                    while (turns == Thread.currentThread()) {
                        if (queue.isEmpty()) {
                            queue.addAll(cards);
                        }
                        place(queue.poll());
                        try {
                            while (!wasRead()) {
                                Thread.sleep(20);
                            }
                            Thread.sleep(liftAfter.toMillis());
                            lift();
                            Thread.sleep(nextAfter.toMillis());
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "virtual-reader-turns");
        t.setDaemon(true);
        turns = t;
        t.start();
    }

    private boolean wasRead() {
        synchronized (lock) {
            return cardState == CardState.READ;
        }
    }

    /** What lies on the reader and which faults are set, for a console: never the card's data. */
    public String describe() {
        synchronized (lock) {
            String on = card == null
                    ? "no card"
                    : "a " + card.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " card"
                            + (cardState == CardState.READ ? " (read)" : "");
            return on
                    + (faults.isEmpty()
                            ? ""
                            : ", faults "
                                    + faults.toString().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    /** When the current card was placed ({@link System#nanoTime()}). */
    public long placedNanos() {
        return placedNanos;
    }

    /** When the last byte of the last answer went out ({@link System#nanoTime()}). */
    public long lastAnswerNanos() {
        return lastAnswerNanos;
    }

    public void onEvent(Consumer<Event> listener) {
        events = listener;
    }

    // ---- faults and pace -----------------------------------------------------------------------

    /** Whether {@code fault} is due now; a fault injected once is used up by this. Under the lock. */
    private boolean take(Fault fault) {
        return always.contains(fault) || faults.remove(fault);
    }

    /** Plays {@code fault} once: on the next answer it applies to. */
    public void inject(Fault fault) {
        synchronized (lock) {
            faults.add(fault);
        }
    }

    public void clear(Fault fault) {
        synchronized (lock) {
            faults.remove(fault);
            always.remove(fault);
        }
    }

    /** Plays a fault on every answer (for an engineer's trial of a kiosk's error handling). */
    public void injectAlways(Fault fault) {
        synchronized (lock) {
            faults.add(fault);
            always.add(fault);
        }
    }

    public void setSlowAnswers(Duration by) {
        synchronized (lock) {
            slowBy = by;
        }
    }

    /** Sends answers no faster than a serial line at {@code baud} (10 bits a byte); 0: as fast as it can. */
    public void setLineRate(int baud) {
        synchronized (lock) {
            this.baud = baud;
        }
    }

    // ---- the protocol --------------------------------------------------------------------------

    /** The answer frame to one command body ({@code CMD PARA [data]}); null for none. */
    byte[] answer(byte[] body) {
        synchronized (lock) {
            if (body.length < 2) {
                return SamFrames.response(0, 0, SamStatus.HOST_LENGTH.sw3(), new byte[0]);
            }
            SamCommand command = SamCommand.of(body[0] & 0xFF, body[1] & 0xFF);
            if (command == null) {
                return SamFrames.response(0, 0, SamStatus.HOST_COMMAND.sw3(), new byte[0]);
            }
            if (take(Fault.SAM_FAILURE)) {
                return SamFrames.response(0, 0, SamStatus.SAM_SELF_CHECK.sw3(), new byte[0]);
            }
            return switch (command) {
                case RESET_SAM, SAM_STATUS -> ok(new byte[0]);
                case SAM_ID -> ok(samId);
                case FIND_CARD -> find();
                case SELECT_CARD -> select();
                case READ_TEXT_PHOTO, READ_TEXT_PHOTO_FINGERPRINT ->
                    read(command == SamCommand.READ_TEXT_PHOTO_FINGERPRINT);
                case READ_APPENDED_ADDRESS -> appendedAddress();
            };
        }
    }

    private static byte[] ok(byte[] data) {
        return SamFrames.response(0, 0, SamStatus.SUCCESS.sw3(), data);
    }

    private byte[] find() {
        if (card == null || cardState == CardState.READ || take(Fault.NO_CARD)) {
            return SamFrames.response(0, 0, SamStatus.NO_CARD.sw3(), new byte[0]);
        }
        events.accept(new Event("found", System.nanoTime()));
        return SamFrames.response(0, 0, SamStatus.CARD_FOUND.sw3(), new byte[4]);
    }

    private byte[] select() {
        if (card == null || cardState != CardState.PRESENT) {
            return SamFrames.response(0, 0, SamStatus.SELECT_FAILED.sw3(), new byte[0]);
        }
        cardState = CardState.SELECTED;
        return ok(new byte[8]);
    }

    private byte[] read(boolean withFingerprint) {
        if (card == null || cardState != CardState.SELECTED) {
            return SamFrames.response(0, 0, SamStatus.READ_FAILED.sw3(), new byte[0]);
        }
        cardState = CardState.READ;
        byte[] text = IdCardText.encode(card);
        byte[] photo = Arrays.copyOf(card.photo(), 1024);
        byte[] fingerprint = withFingerprint && card instanceof ResidentIdCard r ? r.fingerprint() : null;
        events.accept(new Event("read " + card.type(), System.nanoTime()));
        return ok(SamReadResponse.build(
                text, photo, withFingerprint ? (fingerprint == null ? new byte[0] : fingerprint) : null));
    }

    private byte[] appendedAddress() {
        if (card == null || (cardState != CardState.SELECTED && cardState != CardState.READ)) {
            return SamFrames.response(0, 0, SamStatus.READ_FAILED.sw3(), new byte[0]);
        }
        Optional<String> later = card instanceof ResidentIdCard r ? r.appendedAddress() : Optional.empty();
        return later.isPresent()
                ? ok(IdCardText.encodeAddress(later.get()))
                : SamFrames.response(0, 0, SamStatus.NO_CONTENT.sw3(), new byte[0]);
    }

    // ---- serving a link ------------------------------------------------------------------------

    /** Serves the protocol on a link from a thread of its own until {@link #stop()}. */
    public void serve(ByteLink onLink, String threadName) {
        link = onLink;
        Thread t = new Thread(() -> loop(onLink), threadName);
        t.setDaemon(true);
        server = t;
        t.start();
    }

    private void loop(ByteLink l) {
        SamFrameParser parser = new SamFrameParser();
        byte[] chunk = new byte[512];
        while (server == Thread.currentThread()) {
            try {
                if (!l.isOpen()) {
                    l.open();
                }
                int n = l.read(chunk, 0, chunk.length, Duration.ofMillis(200));
                if (n <= 0) {
                    continue;
                }
                parser.feed(chunk, 0, n);
                while (true) {
                    Optional<byte[]> body;
                    try {
                        body = parser.next();
                    } catch (SamFrameException e) {
                        send(
                                l,
                                SamFrames.response(
                                        0,
                                        0,
                                        e.problem() == SamFrameException.Problem.BAD_CHECKSUM
                                                ? SamStatus.HOST_CHECKSUM.sw3()
                                                : SamStatus.HOST_LENGTH.sw3(),
                                        new byte[0]));
                        continue;
                    }
                    if (body.isEmpty()) {
                        break;
                    }
                    byte[] answer;
                    try {
                        answer = answer(body.get());
                    } catch (RuntimeException e) { // a card it cannot encode, say: the reader must go on
                        log.warn("Virtual reader could not answer: {}", e.toString());
                        answer = SamFrames.response(0, 0, SamStatus.READ_FAILED.sw3(), new byte[0]);
                    }
                    if (answer != null) {
                        send(l, answer);
                    }
                }
            } catch (LinkException e) {
                log.debug("Virtual reader link {}: {}; reopening", l.describe(), e.getMessage());
                l.close();
                sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sends an answer with whatever fault is due, at the line rate. */
    private void send(ByteLink l, byte[] frame) throws LinkException, InterruptedException {
        byte[] out = frame;
        long slow;
        int rate;
        synchronized (lock) {
            if (take(Fault.BAD_CHECKSUM)) {
                out = frame.clone();
                out[out.length - 1] ^= 0x5A;
            }
            if (take(Fault.TRUNCATED)) {
                out = Arrays.copyOf(out, out.length / 2);
            }
            if (take(Fault.GARBAGE)) {
                byte[] junk = new byte[7 + random.nextInt(20)];
                random.nextBytes(junk);
                byte[] both = Arrays.copyOf(junk, junk.length + out.length);
                System.arraycopy(out, 0, both, junk.length, out.length);
                out = both;
            }
            slow = take(Fault.SLOW) ? slowBy.toMillis() : 0;
            rate = baud;
        }
        if (slow > 0) {
            Thread.sleep(slow);
        }
        if (rate <= 0) {
            l.write(out);
        } else {
            // a real line: 10 bits a byte; sent in slices so that the last byte leaves when it would
            long start = System.nanoTime();
            int slice = Math.max(1, rate / 10 / 100); // about 10 ms of bytes
            for (int at = 0; at < out.length; at += slice) {
                int len = Math.min(slice, out.length - at);
                long due = start + (long) (at + len) * 10 * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                l.write(out, at, len);
            }
        }
        lastAnswerNanos = System.nanoTime();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops serving and playing cards. */
    public void stop() {
        Thread t = server;
        server = null;
        if (t != null) {
            t.interrupt();
        }
        Thread p = turns;
        turns = null;
        if (p != null) {
            p.interrupt();
        }
        ByteLink l = link;
        if (l != null) {
            l.close();
        }
    }
}
