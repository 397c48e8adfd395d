package cn.egov.kiosk.diag;

import static org.assertj.core.api.Assertions.assertThat;

import cn.egov.kiosk.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kiosk say}: what the kiosk would say, to a WAV file, with the real espeak-ng. */
class SayCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aChinesePromptIsOneToTenSecondsOfAudioThatIsNotSilence() throws Exception {
        Path wav = dir.resolve("x.wav");
        assertThat(run("say", "请将身份证放在感应区", "--out", wav.toString()))
                .as(err.toString())
                .isZero();
        assertAudible(Files.readAllBytes(wav));
        assertThat(out.toString()).contains("x.wav").contains("espeak-ng").contains("cmn-latn-pinyin");
    }

    @Test
    void anEnglishPromptOnTheEnglishVoice() throws Exception {
        Path wav = dir.resolve("en.wav");
        assertThat(run("say", "Please take your ticket.", "--lang", "en", "--out", wav.toString()))
                .as(err.toString())
                .isZero();
        assertAudible(Files.readAllBytes(wav));
        assertThat(out.toString()).contains("en-gb");
    }

    @Test
    void thePinyinTheVoiceIsGivenCanBeShown() {
        assertThat(run(
                        "say",
                        "请到3号窗口",
                        "--pinyin",
                        "--out",
                        dir.resolve("p.wav").toString()))
                .isZero();
        assertThat(out.toString()).startsWith("qing3 dao4 san1 hao4 chuang1 kou3");
    }

    @Test
    void withoutTheEngineItExitsOneAndSaysSo() {
        Path wav = dir.resolve("x.wav");
        assertThat(run("say", "请取号", "--espeak-ng", dir.resolve("no-espeak-ng").toString(), "--out", wav.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("cannot speak").contains("espeak-ng is not installed");
        assertThat(wav).doesNotExist();
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(run(
                        "say",
                        "请取号",
                        "--lang",
                        "fr",
                        "--out",
                        dir.resolve("x.wav").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--lang is zh or en");
        assertThat(run("say", "请取号")).as("no --out").isEqualTo(2);
        assertThat(run(
                        "say",
                        "请取号",
                        "--out",
                        dir.resolve("no/such/folder/x.wav").toString()))
                .isEqualTo(2);
    }

    /** Duration from the header's own fields (byte rate, data size), and the samples' RMS. */
    private static void assertAudible(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        int byteRate = b.getInt(28);
        int dataSize = b.getInt(40);
        assertThat(dataSize).as("the header's data size is the data there is").isEqualTo(file.length - 44);
        double seconds = dataSize / (double) byteRate;
        assertThat(seconds).isBetween(1.0, 10.0);
        double sum = 0;
        for (int i = 44; i + 1 < file.length; i += 2) {
            double s = b.getShort(i) / 32768.0;
            sum += s * s;
        }
        assertThat(Math.sqrt(sum / (dataSize / 2.0))).as("RMS: not silence").isGreaterThan(0.02);
    }
}
