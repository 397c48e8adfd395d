#!/bin/sh
# The kiosk as the Debian package installs it: /opt/egov-kiosk/bin/egov-kiosk (and
# /usr/bin/egov-kiosk). The same commands as ./kiosk in the source tree:
#   egov-kiosk                        the kiosk (the service runs it in cage)
#   egov-kiosk diag [--json]          device diagnostics
#   egov-kiosk admin set-pin STAFF    a PIN, from a shell
#   egov-kiosk --help                 everything else
# The configuration is /etc/egov-kiosk/kiosk.yaml unless --config names another. Run by root, it
# runs as the kiosk's user (egov-kiosk), so that the store and the logs stay that user's.
set -eu
# EGOV_KIOSK_APP: the package unpacked elsewhere (scripts/package-deb --check)
APP="${EGOV_KIOSK_APP:-/opt/egov-kiosk}"
USER_NAME=egov-kiosk

if [ "$(id -u)" -eq 0 ] && getent passwd "$USER_NAME" >/dev/null 2>&1; then
  exec runuser -u "$USER_NAME" -- "$0" "$@"
fi

# systemd's notification socket, handed on by the session (egov-kiosk-session) under this name
if [ -n "${EGOV_KIOSK_NOTIFY_SOCKET:-}" ]; then
  NOTIFY_SOCKET="$EGOV_KIOSK_NOTIFY_SOCKET"
  export NOTIFY_SOCKET
  unset EGOV_KIOSK_NOTIFY_SOCKET
fi

FX_PATH=$(ls "$APP"/lib/javafx-*.jar | tr '\n' ':')
CP="$APP/lib/app/kiosk-app.jar:$(ls "$APP"/lib/*.jar | grep -v '/javafx-' | tr '\n' ':')"
CACHE="${XDG_CACHE_HOME:-${HOME:-/var/lib/egov-kiosk}/.cache}/egov-kiosk"

exec "$APP/runtime/bin/java" \
  --module-path "$FX_PATH" --add-modules javafx.controls,javafx.swing \
  -Dkiosk.home="$APP" \
  -Dkiosk.config="${EGOV_KIOSK_CONFIG:-/etc/egov-kiosk/kiosk.yaml}" \
  -Dkiosk.notifyHelper="$APP/lib/kiosk-notify" \
  -Dfile.encoding=UTF-8 \
  --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED \
  --add-exports javafx.controls/com.sun.javafx.scene.control.skin=ALL-UNNAMED \
  -Djavafx.cachedir="$CACHE/javafx" \
  ${KIOSK_JAVA_OPTS:-} \
  -cp "$CP" cn.egov.kiosk.app.Main "$@"
