package cn.egov.kiosk.speech;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether this machine can speak, for the engineer ({@code kiosk diag}): the engine found and its
 * version, and whether a sound card takes espeak-ng's format. Checking runs {@code espeak-ng
 * --version} and opens an audio line: it blocks, briefly.
 */
public record SpeechStatus(
        String engine, Optional<Path> program, Optional<String> engineProblem, Optional<String> audioProblem) {

    /** The engine on {@code PATH} and the system's audio output. */
    public static SpeechStatus check() {
        return check(new EspeakNgEngine());
    }

    public static SpeechStatus check(EspeakNgEngine engine) {
        Optional<String> problem = engine.problem();
        return new SpeechStatus(
                problem.isPresent() ? EspeakNgEngine.BINARY : engine.id(),
                engine.binary(),
                problem,
                SystemAudioOut.problem());
    }

    public boolean canSpeak() {
        return engineProblem.isEmpty() && audioProblem.isEmpty();
    }

    /** {@code espeak-ng 1.51 (/usr/bin/espeak-ng); audio output: yes}, or what is missing. */
    public String line() {
        String engineText = engineProblem
                .map(p -> "no speech engine: " + p)
                .orElseGet(() -> engine + program.map(p -> " (" + p + ")").orElse(""));
        String audio = audioProblem
                .map(p -> "audio output: none" + p.replaceFirst("^no audio output", ""))
                .orElse("audio output: yes");
        return engineText + "; " + audio + (canSpeak() ? "" : " (the kiosk stays silent)");
    }

    /** For the JSON document: engine, program, canSpeak, and the problems where there are. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", engine);
        program.ifPresent(p -> m.put("program", p.toString()));
        m.put("canSpeak", canSpeak());
        engineProblem.ifPresent(p -> m.put("engineProblem", p));
        audioProblem.ifPresent(p -> m.put("audioProblem", p));
        return m;
    }
}
