package cn.egov.kiosk.diag;

import cn.egov.kiosk.config.KioskConfig;
import cn.egov.kiosk.config.Platform;
import cn.egov.kiosk.platform.auth.CredentialsFile;
import cn.egov.kiosk.sync.Registration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What the engineer should change in the kiosk's own set-up, beside its devices, one sentence each. */
final class KioskWarnings {
    private KioskWarnings() {}

    static List<String> of(KioskConfig config) {
        List<String> warnings = new ArrayList<>();
        config.platform().ifPresent(p -> usedCode(config, p, warnings));
        return warnings;
    }

    private static void usedCode(KioskConfig config, Platform p, List<String> warnings) {
        boolean registered;
        try {
            registered = new CredentialsFile(p.credentialsFile()).read().isPresent();
        } catch (IOException e) {
            registered = false; // a damaged file: the kiosk will register again, with the code
        }
        if (Registration.usedCodeConfigured(p, registered)) {
            warnings.add(
                    "platform.registrationCode in " + config.source() + ": the kiosk is registered ("
                            + p.credentialsFile()
                            + "), so the code is used and cannot register again; remove it from the configuration, where it should not linger");
        }
    }
}
