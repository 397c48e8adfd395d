package cn.egov.kiosk.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a bundle can go: lsblk's removable mount points and the desktops' /media/USER/LABEL folders. */
class RemovableDrivesTest {
    @TempDir
    Path dir;

    @Test
    void lsblkRemovableMountPointsOnlyWithEscapesUndone() {
        String out = String.join(
                "\n",
                "0 /",
                "0 [SWAP]",
                "0 /boot/efi",
                "1 ",
                "1 /media/kiosk/USB\\x20STICK",
                "1 /media/kiosk/\\xe5\\x8a\\x9e\\xe4\\xba\\x8b",
                "0 /home",
                "1 /mnt/usb",
                "");
        assertThat(RemovableDrives.removableMounts(out))
                .containsExactly("/media/kiosk/USB STICK", "/media/kiosk/办事", "/mnt/usb");
    }

    @Test
    void foldersUnderMediaUserAreDrives() throws Exception {
        Path media = dir.resolve("media");
        Path stick = Files.createDirectories(media.resolve("kiosk/STICK"));
        Path other = Files.createDirectories(media.resolve("engineer/CARD"));
        Files.writeString(media.resolve("kiosk/not-a-folder"), "x");
        List<Path> found = new RemovableDrives(List.of(media, dir.resolve("run/media"))).find();
        assertThat(found).contains(stick, other).doesNotContain(media.resolve("kiosk/not-a-folder"));
    }
}
