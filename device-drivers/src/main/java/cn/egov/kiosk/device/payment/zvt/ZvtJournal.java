package cn.egov.kiosk.device.payment.zvt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The simulated terminal's own journal, as a real terminal keeps one: every booked transaction of
 * the day with its receipt and trace number, amount and whether it was reversed, and the totals of
 * each end of day. Kept in a file that survives the simulator's restart (each line forced to disk
 * before the terminal answers; a torn last line from a crash is dropped on opening), or in memory.
 *
 * <p>The file is text, one event a line, tab-separated: {@code T kind receipt trace amount time
 * card reverses} a transaction, {@code R receipt} a sale reversed, {@code E time count total first
 * last} an end of day. Card numbers are written masked.
 */
public final class ZvtJournal {
    private static final String HEADER = "# ZVT terminal simulator journal, v1";

    /** What a transaction was. */
    public enum Kind {
        SALE,
        REVERSAL,
        REFUND
    }

    /**
     * One booked transaction.
     *
     * @param reverses for a reversal, the receipt of the sale it reversed; empty otherwise
     */
    public record Entry(
            Kind kind,
            String receipt,
            String trace,
            long amountFen,
            LocalDateTime time,
            String maskedCard,
            String reverses,
            boolean reversed) {}

    /** An end of day: how many transactions, the total that stayed charged, the receipts it spans. */
    public record DayTotals(
            int count, long totalFen, String firstReceipt, String lastReceipt, LocalDateTime closedAt) {}

    private final Path file;
    private final List<Entry> day = new ArrayList<>();
    private final List<DayTotals> closed = new ArrayList<>();
    private int lastReceipt;
    private int lastTrace;

    private ZvtJournal(Path file) {
        this.file = file;
    }

    /** A journal in memory only. */
    public static ZvtJournal inMemory() {
        return new ZvtJournal(null);
    }

    /** The journal in {@code file}, created when missing, read back when there. */
    public static ZvtJournal open(Path file) throws IOException {
        ZvtJournal j = new ZvtJournal(file);
        if (Files.exists(file)) {
            j.replay();
        } else {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            j.append(HEADER);
        }
        return j;
    }

    private void replay() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--; // a line torn by a crash: it was never answered, so it never happened
        }
        if (end < bytes.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(end);
                ch.force(true);
            }
        }
        int lineNo = 0;
        for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            try {
                switch (f[0]) {
                    case "T" -> {
                        Entry e = new Entry(
                                Kind.valueOf(f[1]),
                                f[2],
                                f[3],
                                Long.parseLong(f[4]),
                                LocalDateTime.parse(f[5]),
                                f[6],
                                f[7],
                                false);
                        day.add(e);
                        lastReceipt = Integer.parseInt(e.receipt());
                        lastTrace = Integer.parseInt(e.trace());
                    }
                    case "R" -> reversedInMemory(f[1]);
                    case "E" -> closeInMemory(LocalDateTime.parse(f[1]));
                    default -> throw new IllegalArgumentException("an unknown event " + f[0]);
                }
            } catch (RuntimeException e) {
                throw new IOException(file + ", line " + lineNo + ": not a journal line (" + e.getMessage() + ")", e);
            }
        }
    }

    /** Books a transaction with the next receipt and trace numbers. */
    public synchronized Entry book(Kind kind, long amountFen, LocalDateTime time, String maskedCard, String reverses)
            throws IOException {
        int receipt = lastReceipt % 9999 + 1;
        int trace = lastTrace % 999_999 + 1;
        Entry e = new Entry(
                kind,
                String.format(Locale.ROOT, "%04d", receipt),
                String.format(Locale.ROOT, "%06d", trace),
                amountFen,
                time.withNano(0),
                maskedCard,
                reverses,
                false);
        append(String.join(
                "\t",
                "T",
                kind.name(),
                e.receipt(),
                e.trace(),
                Long.toString(amountFen),
                e.time().toString(),
                maskedCard,
                reverses));
        lastReceipt = receipt;
        lastTrace = trace;
        day.add(e);
        return e;
    }

    /** Marks a sale of the day reversed. */
    public synchronized void markReversed(String receipt) throws IOException {
        append("R\t" + receipt);
        reversedInMemory(receipt);
    }

    private void reversedInMemory(String receipt) {
        for (int i = 0; i < day.size(); i++) {
            Entry e = day.get(i);
            if (e.receipt().equals(receipt) && e.kind() == Kind.SALE) {
                day.set(
                        i,
                        new Entry(
                                e.kind(),
                                e.receipt(),
                                e.trace(),
                                e.amountFen(),
                                e.time(),
                                e.maskedCard(),
                                e.reverses(),
                                true));
            }
        }
    }

    /** A transaction of the day by its receipt number (leading zeros optional). */
    public synchronized Optional<Entry> find(String receipt) {
        String padded = receipt.length() >= 4 ? receipt : "0".repeat(4 - receipt.length()) + receipt;
        for (int i = day.size() - 1; i >= 0; i--) {
            if (day.get(i).receipt().equals(padded)) {
                return Optional.of(day.get(i));
            }
        }
        return Optional.empty();
    }

    /** The day's last transaction. */
    public synchronized Optional<Entry> last() {
        return day.isEmpty() ? Optional.empty() : Optional.of(day.get(day.size() - 1));
    }

    /** The day's transactions, oldest first. */
    public synchronized List<Entry> day() {
        return List.copyOf(day);
    }

    /** The ends of day so far, oldest first. */
    public synchronized List<DayTotals> closedDays() {
        return List.copyOf(closed);
    }

    /** Closes the day: its totals, and a new day begins. */
    public synchronized DayTotals closeDay(LocalDateTime time) throws IOException {
        DayTotals t = totals(time.withNano(0));
        append(String.join(
                "\t",
                "E",
                t.closedAt().toString(),
                Integer.toString(t.count()),
                Long.toString(t.totalFen()),
                t.firstReceipt(),
                t.lastReceipt()));
        closeInMemory(t.closedAt());
        return t;
    }

    private DayTotals totals(LocalDateTime at) {
        long total = 0;
        for (Entry e : day) {
            total += switch (e.kind()) {
                case SALE -> e.reversed() ? 0 : e.amountFen();
                case REFUND -> -e.amountFen();
                case REVERSAL -> 0;
            };
        }
        String first = day.isEmpty() ? "0000" : day.get(0).receipt();
        String last = day.isEmpty() ? "0000" : day.get(day.size() - 1).receipt();
        return new DayTotals(day.size(), total, first, last, at);
    }

    private void closeInMemory(LocalDateTime at) {
        closed.add(totals(at));
        day.clear();
    }

    private void append(String line) throws IOException {
        if (file == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
    }

    /** Where the journal is kept; empty in memory. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
