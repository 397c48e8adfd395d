/**
 * ZVT, the ECR-to-terminal protocol with a free byte-level description, for bank-card terminals
 * ({@code driver: zvt}). The codec is pure logic: {@link cn.egov.kiosk.device.payment.zvt.Apdu}
 * ({@code CLASS INSTR LEN DATA}, the extended length), BCD, the bitmaps (BMP) read and written, the
 * serial framing (DLE STX, the doubled DLE, DLE ETX, CRC-16/KERMIT) and its reader. The transports
 * carry APDUs on a serial line (ACK/NAK, resends after T3) or bare on TCP; a {@code Conversation}
 * is one command to the terminal's last word; {@link
 * cn.egov.kiosk.device.payment.zvt.ZvtPaymentTerminal} is the driver. {@link
 * cn.egov.kiosk.device.payment.zvt.VirtualZvtTerminal} plays the terminal, with its journal ({@link
 * cn.egov.kiosk.device.payment.zvt.ZvtJournal}) and faults, for the tests and {@code ./kiosk sim
 * payment-terminal}.
 */
package cn.egov.kiosk.device.payment.zvt;
