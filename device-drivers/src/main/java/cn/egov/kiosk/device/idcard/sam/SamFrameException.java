package cn.egov.kiosk.device.idcard.sam;

import cn.egov.kiosk.device.idcard.IdReaderCode;

/** A frame that arrived broken: wrong checksum or an impossible length. The parser resynchronises. */
public final class SamFrameException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What was wrong with the frame. */
    public enum Problem {
        BAD_CHECKSUM(IdReaderCode.BAD_CHECKSUM),
        BAD_LENGTH(IdReaderCode.BAD_LENGTH);

        private final IdReaderCode code;

        Problem(IdReaderCode code) {
            this.code = code;
        }

        /** The extended code of a failure this problem causes. */
        public IdReaderCode code() {
            return code;
        }
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
