package cn.egov.kiosk.device.printer.cups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CUPS server is found as libcups (and so the JDK's print service) finds it. */
class CupsServerTest {
    @TempDir
    Path dir;

    @Test
    void theLocalServerByDefault() {
        assertThat(CupsServer.resolve(Map.of(), List.of(dir.resolve("missing.conf"))))
                .isEqualTo(new CupsServer("localhost", 631));
    }

    @Test
    void cupsServerFromTheEnvironmentComesFirst() throws Exception {
        Path conf = Files.writeString(dir.resolve("client.conf"), "ServerName other\n");

        assertThat(CupsServer.resolve(Map.of("CUPS_SERVER", "print.hall:8631"), List.of(conf)))
                .isEqualTo(new CupsServer("print.hall", 8631));
        assertThat(CupsServer.resolve(Map.of("CUPS_SERVER", "print.hall/version=1.1"), List.of(conf)))
                .isEqualTo(new CupsServer("print.hall", 631));
        assertThat(CupsServer.resolve(Map.of("CUPS_SERVER", "[::1]:632"), List.of(conf)))
                .isEqualTo(new CupsServer("[::1]", 632));
    }

    @Test
    void aDomainSocketMeansTheLocalServer() {
        assertThat(CupsServer.resolve(Map.of("CUPS_SERVER", "/run/cups/cups.sock"), List.of()))
                .isEqualTo(new CupsServer("localhost", 631));
    }

    @Test
    void serverNameFromTheFirstClientConfThatHasOne() throws Exception {
        Path user = Files.writeString(dir.resolve("user.conf"), "# nothing here\nEncryption Never\n");
        Path system = Files.writeString(dir.resolve("system.conf"), "  servername   printserver:1631  \n");

        assertThat(CupsServer.resolve(Map.of(), List.of(user, system))).isEqualTo(new CupsServer("printserver", 1631));
        assertThat(CupsServer.resolve(
                        Map.of("IPP_PORT", "8631"),
                        List.of(Files.writeString(dir.resolve("x.conf"), "ServerName ps\n"))))
                .isEqualTo(new CupsServer("ps", 8631));
    }

    @Test
    void urisOfAQueue() {
        CupsServer s = new CupsServer("localhost", 631);

        assertThat(s.httpBase()).isEqualTo("http://localhost:631");
        assertThat(s.printerUri("kioskpdf")).isEqualTo("ipp://localhost:631/printers/kioskpdf");
        assertThatThrownBy(() -> new CupsServer("", 631)).isInstanceOf(IllegalArgumentException.class);
    }
}
