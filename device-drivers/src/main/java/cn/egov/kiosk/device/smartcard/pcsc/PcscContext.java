package cn.egov.kiosk.device.smartcard.pcsc;

import cn.egov.kiosk.device.api.DeviceException;
import cn.egov.kiosk.device.api.ErrorCode;
import cn.egov.kiosk.device.smartcard.PcscErrorCode;
import cn.egov.kiosk.device.smartcard.SmartCardCode;
import java.lang.reflect.Field;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM's PC/SC context (the JDK's SunPCSC provider over libpcsclite), renewed when pcscd has
 * restarted.
 *
 * <p>The JDK establishes one PC/SC context per JVM ({@code sun.security.smartcardio.PCSCTerminals}
 * keeps it in a static field and caches the terminals made with it) and never establishes another:
 * after pcscd restarts, every call, also through a new {@code TerminalFactory}, fails with {@code
 * SCARD_E_NO_SERVICE} for the rest of the JVM's life (measured on Debian 12, OpenJDK 17.0.15,
 * pcsc-lite 1.9.9). When a call fails so, this class clears that field and the terminal cache, so
 * that the next factory establishes a fresh context. That needs the JVM flag
 *
 * <pre>--add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED</pre>
 *
 * (or {@code Add-Opens: java.smartcardio/sun.security.smartcardio} in an executable jar's
 * manifest). Without it the stale context cannot be replaced: readers report {@code
 * NO_HARDWARE/PCSC_CONTEXT_STALE} until the kiosk restarts, and a warning says why. The old
 * context is not released (the JDK has no call for it): one small leak per pcscd restart.
 */
public final class PcscContext {
    private static final Logger log = LoggerFactory.getLogger(PcscContext.class);
    private static final String TERMINALS_CLASS = "sun.security.smartcardio.PCSCTerminals";

    /** The PC/SC errors that mean the context itself is dead (pcscd gone or restarted). */
    private static final Set<String> STALE_CONTEXT =
            Set.of("SCARD_E_NO_SERVICE", "SCARD_E_SERVICE_STOPPED", "SCARD_E_INVALID_HANDLE");

    private static final AtomicInteger renewals = new AtomicInteger();
    private static final AtomicBoolean warnedNotOpen = new AtomicBoolean();

    private PcscContext() {}

    /**
     * The readers pcscd lists now, renewing the context once if it is stale.
     *
     * @throws DeviceException {@code NO_HARDWARE} when PC/SC is not available (no libpcsclite, no
     *     pcscd) or the context cannot be renewed
     */
    public static synchronized List<CardTerminal> terminals() throws DeviceException {
        for (int attempt = 0; ; attempt++) {
            long used = contextId();
            try {
                return TerminalFactory.getInstance("PC/SC", null).terminals().list();
            } catch (NoSuchAlgorithmException e) {
                // the factory could not establish a context: no libpcsclite, or pcscd is not running
                throw new DeviceException(
                        ErrorCode.NO_HARDWARE,
                        SmartCardCode.PCSC_NO_SERVICE,
                        "PC/SC is not available (" + pcscCode(e) + "): is pcscd running?",
                        e);
            } catch (CardException e) {
                String code = pcscCode(e);
                if ("SCARD_E_NO_READERS_AVAILABLE".equals(code)) {
                    return List.of();
                }
                if (STALE_CONTEXT.contains(code) && attempt == 0) {
                    if (renew(used)) {
                        continue;
                    }
                    throw new DeviceException(
                            ErrorCode.NO_HARDWARE,
                            SmartCardCode.PCSC_CONTEXT_STALE,
                            "pcscd does not answer (" + code + "); if it has restarted, this JVM's PC/SC context "
                                    + "cannot be renewed without --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED",
                            e);
                }
                throw new DeviceException(
                        ErrorCode.NO_HARDWARE,
                        code.isEmpty() ? SmartCardCode.PCSC_ERROR : new PcscErrorCode(code),
                        "listing the PC/SC readers failed: " + code,
                        e);
            }
        }
    }

    /** The names of the readers pcscd lists now. */
    public static List<String> readerNames() throws DeviceException {
        return terminals().stream().map(CardTerminal::getName).toList();
    }

    /** How many times this JVM renewed its PC/SC context (after pcscd restarts). */
    public static int renewals() {
        return renewals.get();
    }

    /** Whether the JDK's context can be renewed: the JVM was started with the --add-opens flag. */
    public static boolean renewable() {
        try {
            Class<?> c = Class.forName(TERMINALS_CLASS);
            return c.getModule().isOpen(c.getPackageName(), PcscContext.class.getModule());
        } catch (ClassNotFoundException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The PC/SC error name ({@code SCARD_E_NO_SERVICE}) in an exception's causes, or "" when there is
     * none. The JDK's {@code PCSCException} carries it as its message.
     */
    static String pcscCode(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("sun.security.smartcardio.PCSCException")) {
                String message = t.getMessage();
                return message == null ? "" : message.trim();
            }
        }
        return "";
    }

    /** Whether a PC/SC error means the context is dead: pcscd gone or restarted. */
    static boolean staleContext(String code) {
        return STALE_CONTEXT.contains(code);
    }

    /** The JDK's current context handle; 0 when there is none, -1 when it cannot be read. */
    private static long contextId() {
        if (!renewable()) {
            return -1;
        }
        try {
            Field id = Class.forName(TERMINALS_CLASS).getDeclaredField("contextId");
            id.setAccessible(true);
            return id.getLong(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Forgets the JDK's context {@code used} and the terminals made with it, unless another caller
     * has renewed it meanwhile. The next {@code TerminalFactory} establishes a new one.
     */
    private static boolean renew(long used) {
        if (!renewable()) {
            if (warnedNotOpen.compareAndSet(false, true)) {
                log.warn("The PC/SC context is stale (pcscd restarted?) and cannot be renewed: start the JVM with "
                        + "--add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED, or restart it");
            }
            return false;
        }
        try {
            Class<?> c = Class.forName(TERMINALS_CLASS);
            Field id = c.getDeclaredField("contextId");
            Field cache = c.getDeclaredField("terminals");
            id.setAccessible(true);
            cache.setAccessible(true);
            // the JDK's own static synchronized methods hold this same monitor
            boolean forgotten = false;
            synchronized (c) {
                if (id.getLong(null) == used) {
                    id.setLong(null, 0L);
                    ((Map<?, ?>) cache.get(null)).clear();
                    forgotten = true;
                }
            }
            if (forgotten) {
                int n = renewals.incrementAndGet();
                log.info("PC/SC context renewed after pcscd stopped answering (renewal {})", n);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Renewing the PC/SC context failed", e);
            return false;
        }
    }
}
