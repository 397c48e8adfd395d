package cn.egov.kiosk.diag;

import cn.egov.kiosk.speech.EspeakNgEngine;
import cn.egov.kiosk.speech.SpeechException;
import cn.egov.kiosk.speech.TonePinyin;
import cn.egov.kiosk.speech.Wav;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk say TEXT [--lang zh|en] --out FILE.wav}: what the kiosk would say, as a WAV file,
 * without a sound card; {@code --pinyin} also prints the tone pinyin the Chinese voice is given.
 */
@Command(
        name = "say",
        mixinStandardHelpOptions = true,
        description = {
            "Writes what the kiosk would say as a WAV file (espeak-ng, no sound card needed).",
            "  kiosk say \"请将身份证放在感应区\" --out prompt.wav",
            "  kiosk say \"Please take your ticket\" --lang en --out ticket.wav",
            "Exit 0 written, 1 espeak-ng missing or failed, 2 a bad argument or an unwritable file."
        })
public final class SayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TEXT", description = "What to say.")
    String text;

    @Option(names = "--lang", paramLabel = "LANG", description = "zh (default) or en.")
    String lang = "zh";

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The WAV file to write.")
    Path out;

    @Option(names = "--pinyin", description = "Print the tone pinyin the Chinese voice is given.")
    boolean pinyin;

    @Option(
            names = "--espeak-ng",
            paramLabel = "PROGRAM",
            description = "The espeak-ng program (default: the one on PATH).")
    Path program;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale locale;
        switch (lang) {
            case "zh" -> locale = Locale.SIMPLIFIED_CHINESE;
            case "en" -> locale = Locale.ENGLISH;
            default -> {
                err.println("--lang is zh or en, not \"" + lang + "\"");
                err.flush();
                return 2;
            }
        }
        EspeakNgEngine engine = new EspeakNgEngine(program, EspeakNgEngine.DEFAULT_TIMEOUT);
        Optional<String> problem = engine.problem();
        if (problem.isPresent()) {
            err.println("The kiosk cannot speak: " + problem.get());
            err.flush();
            return 1;
        }
        if (pinyin && lang.equals("zh")) {
            stdout.println(TonePinyin.bundled().convert(text));
        }
        byte[] file;
        try {
            file = engine.synthesize(text, locale);
        } catch (SpeechException e) {
            err.println("The kiosk cannot speak: " + e.getMessage());
            err.flush();
            return 1;
        }
        try {
            Files.write(out, file);
        } catch (IOException e) {
            err.println("Cannot write " + out + ": " + e);
            err.flush();
            return 2;
        }
        stdout.printf(
                Locale.ROOT,
                "%s: %.2f s of speech (%s, %s, voice %s)%n",
                out,
                Wav.parse(file).seconds(),
                lang,
                engine.id(),
                engine.voice(locale));
        stdout.flush();
        return 0;
    }
}
