package cn.egov.kiosk.feature;

import java.util.Optional;

/**
 * Whether the platform can serve the features that need it now, as the feature model sees it:
 * empty when it can, else the problem ({@link #OFFLINE}, {@link #NOT_REGISTERED}).
 */
public interface PlatformState {
  String OFFLINE = "platform-offline";
  String NOT_REGISTERED = "platform-not-registered";

  Optional<String> problem();

  /** Called (on any thread) when the problem may have changed. */
  void addListener(Runnable listener);

  /** No platform to wait for (a kiosk alone, or tests): never a problem. */
  PlatformState NONE =
      new PlatformState() {
        @Override
        public Optional<String> problem() {
          return Optional.empty();
        }

        @Override
        public void addListener(Runnable listener) {}
      };
}
