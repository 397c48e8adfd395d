package cn.egov.kiosk.device.manage;

import cn.egov.kiosk.device.link.ByteLink;
import cn.egov.kiosk.device.link.LinkSpec;
import cn.egov.kiosk.device.link.Links;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What drivers talking over a byte link share: the check that their connection names a link they can
 * use, and the making of that link behind the device's tap point.
 */
public final class LinkConnections {
    private LinkConnections() {}

    /**
     * The problems of a spec's connection: one that does not parse or whose parameters are bad says
     * why; one whose scheme is in {@code refused} says {@code expected}. The list is the caller's to
     * add to.
     */
    public static List<SpecProblem> check(DeviceSpec spec, Set<LinkSpec.Scheme> refused, String expected) {
        List<SpecProblem> problems = new ArrayList<>();
        try {
            LinkSpec link = LinkSpec.parse(spec.connection());
            if (refused.contains(link.scheme())) {
                problems.add(new SpecProblem("connection", expected, spec.connection()));
            } else {
                Links.create(link);
            }
        } catch (IllegalArgumentException e) {
            problems.add(new SpecProblem("connection", e.getMessage(), spec.connection()));
        }
        return problems;
    }

    /**
     * The link a spec's connection names, behind the device's tap point: every driver over a byte
     * link makes it here, so that {@link DeviceManager#tap} sees its bytes both ways.
     */
    public static ByteLink create(DeviceSpec spec, DeviceContext context) {
        return context.taps().link(spec.id(), Links.create(LinkSpec.parse(spec.connection())));
    }
}
