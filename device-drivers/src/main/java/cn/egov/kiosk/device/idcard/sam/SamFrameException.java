package cn.egov.kiosk.device.idcard.sam;

/** A frame that arrived broken: wrong checksum or an impossible length. The parser resynchronises. */
public final class SamFrameException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What was wrong with the frame. */
  public enum Problem {
    BAD_CHECKSUM,
    BAD_LENGTH
  }

  private final Problem problem;

  SamFrameException(Problem problem, String message) {
    super(message);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
