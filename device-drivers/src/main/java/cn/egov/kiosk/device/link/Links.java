package cn.egov.kiosk.device.link;

/** Makes the byte link a {@link LinkSpec} names. */
public final class Links {
  private Links() {}

  /**
   * A closed link for the spec; call {@link ByteLink#open()} to connect.
   *
   * @throws IllegalArgumentException for {@code sim:}, which has no transport, or bad parameters
   */
  public static ByteLink create(LinkSpec spec) {
    return switch (spec.scheme()) {
      case SERIAL -> SerialLink.fromSpec(spec);
      case TCP -> new TcpLink(spec.host(), spec.port(), spec.intParam("connectTimeoutMs", 3000));
      case FILE -> new FileLink(java.nio.file.Path.of(spec.target()));
      case SIM -> throw new IllegalArgumentException("sim: is an in-process simulator, not a link");
    };
  }
}
