package cn.egov.kiosk.identity;

/** Why the login (a card, or the province app's code) did not give an identity, as the citizen is told. */
public enum LoginProblem {
    /** No card was placed in time. */
    NO_CARD,
    /** The card could not be read this time: lift it and place it again, flat and still. */
    PLACE_AGAIN,
    /** The card on the reader was read before: it must be lifted and placed again. */
    LIFT_AND_PLACE_AGAIN,
    /** The card cannot be read (damaged): staff can help. */
    CARD_UNREADABLE,
    /** Not a card the reader reads. */
    CARD_NOT_SUPPORTED,
    /** The card has expired: it is read but not accepted. */
    CARD_EXPIRED,
    /** A social security card that gives its holder's data only to an authenticated terminal. */
    USE_ID_CARD,
    /** The reader is out of service (or this kiosk has none). */
    READER_OUT_OF_SERVICE,
    /** 扫码登录: the platform does not know the code as the province app's (a photo, another app's code). */
    APP_CODE_INVALID,
    /** 扫码登录: the app's code is older than its minute: refresh it in the app. */
    APP_CODE_EXPIRED,
    /** 扫码登录: the code was used before: refresh it in the app. */
    APP_CODE_USED,
    /** 扫码登录 needs the platform, which does not answer now: the ID card still works. */
    APP_LOGIN_OFFLINE;

    /** Whether the screen should keep reading by itself (the citizen only has to move the card). */
    public boolean retryByItself() {
        return this == PLACE_AGAIN || this == LIFT_AND_PLACE_AGAIN;
    }
}
