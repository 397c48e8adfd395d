package cn.egov.kiosk.speech;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Speaker} over an engine (through the prompt cache) and an audio output, with one
 * thread ({@code speech}) that synthesises and plays. The callers only leave the newest request
 * where the thread finds it and wake it (no lock, no queue: the JavaFX thread never waits here);
 * the thread plays in slices of 50 ms, scaled by the volume of the moment, and stops between two
 * slices when a newer request (or stop, mute, close) has come.
 *
 * <p>A failing engine or a missing sound card is logged once (and again only when the reason
 * changes), kept as {@link #problem()}, and tried again with the next utterance (a USB speaker
 * plugged in later is used).
 */
public final class EngineSpeaker implements Speaker {
    private static final Logger log = LoggerFactory.getLogger(EngineSpeaker.class);
    private static final double SLICE_SECONDS = 0.05;

    /** What the thread is asked to do next. */
    private sealed interface Request permits Utterance, Stop {}

    private record Utterance(String text, Locale locale, boolean cached) implements Request {}

    private record Stop() implements Request {}

    private static final Stop STOP = new Stop();

    private final PromptCache prompts;
    private final AudioOut out;
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final Thread thread;
    private volatile int volume;
    private volatile boolean muted;
    private volatile boolean closed;
    private volatile Optional<String> engineProblem = Optional.empty();
    private volatile Optional<String> audioProblem = Optional.empty();

    /** Starts the speaker's thread, which first asks the engine whether it can speak and prepares it. */
    public EngineSpeaker(PromptCache prompts, AudioOut out, int volume) {
        this.prompts = Objects.requireNonNull(prompts);
        this.out = Objects.requireNonNull(out);
        this.volume = checkVolume(volume);
        this.thread = new Thread(this::work, "speech");
        thread.setDaemon(true);
        thread.start();
    }

    static int checkVolume(int volume) {
        if (volume < 0 || volume > MAX_VOLUME) {
            throw new IllegalArgumentException("volume is 0 to " + MAX_VOLUME + ", not " + volume);
        }
        return volume;
    }

    @Override
    public void say(String text, Locale locale) {
        request(new Utterance(Objects.requireNonNull(text), Objects.requireNonNull(locale), true));
    }

    @Override
    public void sayOnce(String text, Locale locale) {
        request(new Utterance(Objects.requireNonNull(text), Objects.requireNonNull(locale), false));
    }

    @Override
    public void stop() {
        request(STOP);
    }

    private void request(Request r) {
        if (closed || (r instanceof Utterance && muted)) {
            return;
        }
        pending.set(r);
        LockSupport.unpark(thread);
    }

    @Override
    public void setVolume(int volume) {
        this.volume = checkVolume(volume);
    }

    @Override
    public int volume() {
        return volume;
    }

    @Override
    public void setMuted(boolean muted) {
        this.muted = muted;
        if (muted) {
            request(STOP);
        }
    }

    @Override
    public boolean muted() {
        return muted;
    }

    @Override
    public Optional<String> problem() {
        Optional<String> engine = engineProblem;
        return engine.isPresent() ? engine : audioProblem;
    }

    @Override
    public void close() {
        closed = true;
        pending.set(STOP);
        LockSupport.unpark(thread);
    }

    /** Whether the thread has ended (after {@link #close()}): for tests. */
    boolean ended() {
        return !thread.isAlive();
    }

    // ---- the speaker's thread ----

    private void work() {
        try {
            engineProblem = prompts.engine().problem();
            engineProblem.ifPresent(p -> log.warn("Speech: the kiosk cannot speak: {}", p));
            if (engineProblem.isEmpty()) {
                prompts.engine().prepare();
            }
        } catch (RuntimeException e) {
            engineProblem = Optional.of("the speech engine could not start: " + e);
            log.warn("Speech: {}", engineProblem.get(), e);
        }
        while (!closed) {
            Request r = pending.getAndSet(null);
            if (r == null) {
                LockSupport.park(this);
            } else if (r instanceof Utterance u && !muted) {
                try {
                    speak(u);
                } catch (RuntimeException e) { // the thread goes on with the next utterance
                    log.warn("Speech: an utterance failed", e);
                }
            }
        }
        out.close();
    }

    private void speak(Utterance u) {
        if (engineProblem.isPresent()) {
            return; // said once, at start
        }
        byte[] file;
        try {
            file = u.cached() ? prompts.wav(u.text(), u.locale()) : prompts.uncached(u.text(), u.locale());
        } catch (SpeechException e) {
            log.warn(
                    "Speech: could not synthesise an utterance of {} characters: {}",
                    u.text().length(),
                    e.getMessage());
            return;
        }
        if (superseded()) {
            return; // a newer request came while this one was made
        }
        Wav wav = Wav.parse(file);
        try {
            out.open(wav.format());
        } catch (AudioOut.Unavailable e) {
            if (!audioProblem.equals(Optional.of(e.getMessage()))) {
                log.warn("Speech: {}; the kiosk stays silent until it has one", e.getMessage());
            }
            audioProblem = Optional.of(e.getMessage());
            return;
        }
        if (audioProblem.isPresent()) {
            log.info("Speech: audio output available again");
            audioProblem = Optional.empty();
        }
        play(wav);
    }

    private void play(Wav wav) {
        byte[] pcm = wav.pcm();
        int frame = 2 * wav.channels();
        int slice = Math.max(frame, (int) (wav.sampleRate() * SLICE_SECONDS) * frame);
        byte[] buffer = new byte[slice];
        for (int at = 0; at < pcm.length; at += slice) {
            if (superseded()) {
                out.flush();
                return;
            }
            int n = Math.min(slice, pcm.length - at);
            System.arraycopy(pcm, at, buffer, 0, n);
            Wav.scale(buffer, 0, n, volume / (double) MAX_VOLUME);
            out.write(buffer, 0, n);
        }
        out.drain();
    }

    private boolean superseded() {
        return closed || muted || pending.get() != null;
    }
}
