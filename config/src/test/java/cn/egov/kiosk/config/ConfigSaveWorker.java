package cn.egov.kiosk.config;

import java.nio.file.Path;

/**
 * The process {@link ConfigSaveCrashTest} kills: saves the configuration file given as its argument
 * through {@link ConfigEditor} in a loop, the hotline alternating between two values, until it is
 * killed. Says "saving" once the first save is done.
 */
public final class ConfigSaveWorker {
    static final String FIRST = "11111";
    static final String SECOND = "22222";

    private ConfigSaveWorker() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        boolean first = false;
        for (long n = 0; ; n++) {
            ConfigEditor.set(file, "kiosk", Kiosk.HOTLINE, first ? FIRST : SECOND);
            first = !first;
            if (n == 0) {
                System.out.println("saving");
                System.out.flush();
            }
        }
    }
}
