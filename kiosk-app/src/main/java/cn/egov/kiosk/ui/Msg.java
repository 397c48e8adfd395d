package cn.egov.kiosk.ui;

import java.util.Locale;

/**
 * Every text key the screens use. Views take text only through these constants, never as
 * literals; a test checks that every bundle has every key and no other.
 */
public enum Msg {
  APP_TITLE,
  FRAME_LANGUAGE_SWITCH,
  FRAME_ELDERLY_ON,
  FRAME_ELDERLY_OFF,
  FRAME_BACK,
  FRAME_HOME,
  FRAME_EXIT,
  FRAME_HOTLINE,
  FRAME_DATE,
  ATTRACT_SUBTITLE,
  ATTRACT_TOUCH_TO_START,
  ATTRACT_AVAILABLE_NOW,
  ATTRACT_NOTHING_AVAILABLE,
  FEATURE_QUEUE_TICKET,
  FEATURE_QUEUE_TICKET_DESCRIPTION,
  FEATURE_AVAILABLE,
  FEATURE_UNAVAILABLE,
  FEATURE_OUT_OF_SERVICE,
  PROBLEM_PAPER_OUT,
  PROBLEM_COVER_OPEN,
  PROBLEM_JAM,
  PROBLEM_CUTTER_ERROR,
  PROBLEM_HARDWARE_FAULT,
  PROBLEM_HARDWARE_ERROR,
  PROBLEM_OFFLINE,
  PROBLEM_STARTING,
  PROBLEM_NOT_FITTED,
  PROBLEM_UNKNOWN,
  DEVICE_RECEIPT_PRINTER,
  DEVICE_DOCUMENT_PRINTER,
  DEVICE_ID_CARD_READER,
  DEVICE_SMART_CARD_READER,
  DEVICE_PAYMENT_TERMINAL,
  DEVICE_BARCODE_SCANNER,
  HOME_TITLE,
  HOME_HINT,
  TICKET_CHOOSE_TYPE,
  TICKET_WAITING,
  TICKET_PRINTING,
  TICKET_DONE_TITLE,
  TICKET_DONE_NUMBER,
  TICKET_DONE_AHEAD,
  TICKET_DONE_HINT,
  TICKET_DONE_FINISH,
  TICKET_FAILED_TITLE,
  TICKET_FAILED_VOIDED,
  TICKET_FAILED_ADVICE,
  REASON_PRINTER_MISSING,
  REASON_PRINTER_OFFLINE,
  REASON_PAPER_OUT,
  REASON_COVER_OPEN,
  REASON_PRINTER_FAULT,
  REASON_STORE_FAILED,
  REASON_UNEXPECTED,
  SESSION_WARNING_TITLE,
  SESSION_WARNING_COUNTDOWN,
  SESSION_WARNING_CONTINUE,
  STAFF_TITLE,
  STAFF_PIN_PROMPT,
  STAFF_WRONG_PIN,
  STAFF_LOCKED,
  STAFF_EXIT,
  STAFF_CANCEL,
  STAFF_CLEAR;

  /** The bundle key: {@code TICKET_DONE_TITLE} → {@code ticket.done.title}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** The message for a device problem name such as {@code paper-out}. */
  public static Msg forProblem(String problem) {
    return switch (problem) {
      case "paper-out" -> PROBLEM_PAPER_OUT;
      case "cover-open" -> PROBLEM_COVER_OPEN;
      case "jam" -> PROBLEM_JAM;
      case "cutter-error" -> PROBLEM_CUTTER_ERROR;
      case "hardware-fault" -> PROBLEM_HARDWARE_FAULT;
      case "hardware_error" -> PROBLEM_HARDWARE_ERROR;
      case "offline" -> PROBLEM_OFFLINE;
      case "starting" -> PROBLEM_STARTING;
      case "not-fitted" -> PROBLEM_NOT_FITTED;
      default -> PROBLEM_UNKNOWN;
    };
  }
}
