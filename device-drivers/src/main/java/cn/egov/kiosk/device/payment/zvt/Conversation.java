package cn.egov.kiosk.device.payment.zvt;

import cn.egov.kiosk.device.link.LinkException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * One command of the kiosk's (the ECR's), from its sending to the terminal's last word: the
 * terminal takes it ({@code 80 00 00}) or refuses it ({@code 84 xx 00}), then, master of the line,
 * sends intermediate statuses, status information, print lines, and ends with completion ({@code 06
 * 0F}) or abort ({@code 06 1E}); the kiosk answers each with {@code 80 00 00}, or with {@code 06 B0}
 * to an intermediate status when it was asked to stop. Waits up to T4 for each of the terminal's
 * messages. Never throws for the terminal's silence: that is how the reply ends.
 */
final class Conversation {
    /** The most late messages answered before a command. */
    private static final int SETTLE_LIMIT = 16;

    /** How a conversation ended. */
    enum End {
        /** 06 0F: the terminal completed the command. */
        COMPLETED,
        /** 06 1E: the terminal aborted it, with a result code. */
        ABORTED,
        /** 84 xx 00: the terminal refused the command; nothing was done. */
        REFUSED,
        /** 80 00 00 to a command that asks for nothing more (abort when idle). */
        ACCEPTED,
        /** The command's frame was never acknowledged: the terminal may or may not have it. */
        NOT_ACKNOWLEDGED,
        /** The command was acknowledged and not answered within the answer timeout. */
        NO_ANSWER,
        /** The terminal fell silent before its completion or abort (T4). */
        NO_END,
        /** The link failed. */
        LINK_LOST
    }

    /** One message of the conversation, for the engineer: never its data. */
    record Message(boolean fromTerminal, String name, int bytes, long atMillis) {}

    /**
     * What the conversation came to.
     *
     * @param code the abort's or refusal's code, else the result code (BMP 27); -1 none
     * @param commandSent whether the command's frame went out at all
     * @param abortSent whether the kiosk answered an intermediate status with 06 B0
     * @param failure the link's failure when {@code end} is LINK_LOST
     */
    record Reply(
            End end,
            int code,
            BmpFields fields,
            List<String> printLines,
            int statuses,
            boolean commandSent,
            boolean abortSent,
            List<Message> messages,
            long millis,
            Optional<LinkException> failure) {}

    private final ZvtTransport transport;
    private final Duration answerTimeout;
    private final Duration t4;
    private final Charset charset;
    private final Logger log;
    private final String deviceId;
    private final BooleanSupplier abortRequested;

    private final List<Message> messages = new ArrayList<>();
    private final List<String> printLines = new ArrayList<>();
    private BmpFields fields = BmpFields.none();
    private int statuses;
    private boolean commandSent;
    private boolean abortSent;
    private long startNanos;

    Conversation(
            ZvtTransport transport,
            Duration answerTimeout,
            Duration t4,
            Charset charset,
            Logger log,
            String deviceId,
            BooleanSupplier abortRequested) {
        this.transport = transport;
        this.answerTimeout = answerTimeout;
        this.t4 = t4;
        this.charset = charset;
        this.log = log;
        this.deviceId = deviceId;
        this.abortRequested = abortRequested;
    }

    /**
     * Runs {@code command}; {@code untilCompletion} false for a command the terminal only takes
     * (06 B0 when idle).
     */
    Reply run(Apdu command, boolean untilCompletion) {
        startNanos = System.nanoTime();
        try {
            settle();
            commandSent = true;
            try {
                send(command);
            } catch (ZvtException e) {
                log.warn("Terminal {}: {}", deviceId, e.getMessage());
                return reply(End.NOT_ACKNOWLEDGED, -1, Optional.empty());
            }
            Optional<Apdu> first = receive(answerTimeout);
            if (first.isEmpty()) {
                return reply(End.NO_ANSWER, -1, Optional.empty());
            }
            Apdu answer = first.get();
            if (answer.cls() == ZvtCommand.NAK_CLASS) {
                return reply(End.REFUSED, answer.instr(), Optional.empty());
            }
            if (!answer.is(ZvtCommand.ACK)) {
                // a terminal that skips its 80 00 00 and starts talking: take it as the first message
                Optional<Reply> ended = handle(answer);
                if (ended.isPresent()) {
                    return ended.get();
                }
            } else if (!untilCompletion) {
                return reply(End.ACCEPTED, -1, Optional.empty());
            }
            while (true) {
                Optional<Apdu> next = receive(t4);
                if (next.isEmpty()) {
                    return reply(End.NO_END, -1, Optional.empty());
                }
                Optional<Reply> ended = handle(next.get());
                if (ended.isPresent()) {
                    return ended.get();
                }
            }
        } catch (LinkException e) {
            return reply(End.LINK_LOST, -1, Optional.of(e));
        }
    }

    /**
     * Answers what came while nobody listened (the end of a conversation given up after T4, a
     * terminal's repeat), so that the command's answer is not mistaken for it.
     */
    private void settle() throws LinkException {
        for (int i = 0; i < SETTLE_LIMIT; i++) {
            Optional<Apdu> late = transport.receive(Duration.ofMillis(1));
            if (late.isEmpty()) {
                return;
            }
            Apdu a = late.get();
            log.info("Terminal {}: a late {} answered before the next command", deviceId, a.name());
            if (!a.is(ZvtCommand.ACK) && a.cls() != ZvtCommand.NAK_CLASS) {
                try {
                    transport.send(ZvtMessages.ack());
                } catch (ZvtException e) {
                    return; // it stopped waiting for us
                }
            }
        }
    }

    /** One of the terminal's messages, answered; the reply when it ends the conversation. */
    private Optional<Reply> handle(Apdu m) throws LinkException {
        Optional<ZvtCommand> kind = ZvtCommand.of(m.code());
        if (kind.isEmpty()) {
            if (m.cls() != ZvtCommand.NAK_CLASS) {
                log.info("Terminal {}: a message {} the driver does not know, acknowledged", deviceId, m.name());
                answer(ZvtMessages.ack());
            }
            return Optional.empty();
        }
        switch (kind.get()) {
            case INTERMEDIATE_STATUS -> {
                statuses++;
                if (!abortSent && abortRequested.getAsBoolean()) {
                    abortSent = true;
                    log.info("Terminal {}: asked to stop (06 B0)", deviceId);
                    return answer(ZvtMessages.abort());
                }
                return answer(ZvtMessages.ack());
            }
            case STATUS_INFORMATION -> {
                fields = fields.merge(BmpFields.parse(m.data(), 0));
                fields.problem().ifPresent(p -> log.warn("Terminal {}: status information: {}", deviceId, p));
                return answer(ZvtMessages.ack());
            }
            case PRINT_LINE -> {
                printLines.add(ZvtMessages.printLineText(m, charset));
                return answer(ZvtMessages.ack());
            }
            case PRINT_TEXT_BLOCK -> {
                printLines.addAll(ZvtMessages.printTextBlockLines(m, charset));
                return answer(ZvtMessages.ack());
            }
            case COMPLETION -> {
                fields = fields.merge(BmpFields.parse(m.data(), 0));
                answerLast();
                return Optional.of(reply(End.COMPLETED, fields.resultCode().orElse(-1), Optional.empty()));
            }
            case ABORTED -> {
                answerLast();
                return Optional.of(reply(End.ABORTED, m.dataByte(0), Optional.empty()));
            }
            case ACK -> {
                return Optional.empty(); // a repeat of its answer to the command
            }
            default -> {
                log.info("Terminal {}: an unexpected {}, acknowledged", deviceId, m.name());
                return answer(ZvtMessages.ack());
            }
        }
    }

    /** Answers a message in the middle; a terminal that no longer takes our answers has fallen silent. */
    private Optional<Reply> answer(Apdu answer) throws LinkException {
        try {
            send(answer);
            return Optional.empty();
        } catch (ZvtException e) {
            log.warn("Terminal {}: {}", deviceId, e.getMessage());
            return Optional.of(reply(End.NO_END, -1, Optional.empty()));
        }
    }

    /** Answers the last message: what it said stands even if the answer is not taken. */
    private void answerLast() throws LinkException {
        try {
            send(ZvtMessages.ack());
        } catch (ZvtException e) {
            log.warn("Terminal {}: {} (its completion stands)", deviceId, e.getMessage());
        }
    }

    private void send(Apdu apdu) throws LinkException, ZvtException {
        transport.send(apdu);
        messages.add(new Message(false, apdu.name(), apdu.encode().length, elapsedMillis()));
    }

    private Optional<Apdu> receive(Duration timeout) throws LinkException {
        Optional<Apdu> a = transport.receive(timeout);
        a.ifPresent(m -> messages.add(new Message(true, m.name(), m.encode().length, elapsedMillis())));
        return a;
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private Reply reply(End end, int code, Optional<LinkException> failure) {
        return new Reply(
                end,
                code,
                fields,
                List.copyOf(printLines),
                statuses,
                commandSent,
                abortSent,
                List.copyOf(messages),
                elapsedMillis(),
                failure);
    }
}
