package cn.egov.kiosk.tour;

/** The 自助申办 flow: from the items doable here to the printed acceptance receipt. */
final class ApplyWalk {
    private ApplyWalk() {}

    static void walk(Flows.Context c) throws Walker.Stopped {
        Walker w = c.walker();
        Flows.start(w);
        w.tap("tile-apply");
        w.awaitShown("guide-item-0");
        w.shot("doable-here");
        throw new Walker.Stopped(w.step(), "the application screens are not built yet");
    }
}
