package cn.egov.kiosk.today;

/**
 * Where the screens say that a citizen flow (取号, 证照打印, 自助申办...) started or ended, for the day
 * at a glance: the flow's name and how it ended, never who. Called on the JavaFX thread: returns at
 * once (the writing happens elsewhere).
 */
public interface FlowLog {
    /** The flow reached its end (the number taken, the licence printed, the application in). */
    String DONE = "DONE";

    /** The flow ended elsewhere: another screen chosen, home, or the session's end. */
    String LEFT = "LEFT";

    void started(String flow);

    /** @param outcome {@link #DONE} or {@link #LEFT} */
    void ended(String flow, String outcome);

    /** Records nothing. */
    FlowLog NONE = new FlowLog() {
        @Override
        public void started(String flow) {}

        @Override
        public void ended(String flow, String outcome) {}
    };
}
