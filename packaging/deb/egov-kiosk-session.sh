#!/bin/sh
# The kiosk session egov-kiosk.service starts: cage (a Wayland compositor for one full-screen
# application), with the kiosk as its only client; JavaFX draws through the Xwayland cage starts.
# cage is the unit's main process (exec), and ends with the kiosk.
#
# Only the kiosk talks to systemd: an X server that finds NOTIFY_SOCKET says READY=1 itself, which
# would tell systemd the kiosk is up before its screens show. So the socket is handed on under
# another name, and the kiosk's launcher gives it back its own name.
set -eu
if [ -n "${NOTIFY_SOCKET:-}" ]; then
  EGOV_KIOSK_NOTIFY_SOCKET="$NOTIFY_SOCKET"
  export EGOV_KIOSK_NOTIFY_SOCKET
  unset NOTIFY_SOCKET
fi
exec /usr/bin/cage -- /opt/egov-kiosk/bin/egov-kiosk "$@"
