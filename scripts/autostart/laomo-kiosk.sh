#!/bin/sh
# Started by the XDG autostart entry: runs the kiosk from the project this file is in, again whenever it fails.
cd "$(dirname "$0")/../.." || exit 1
# Screen blanking off on X11 (under Wayland use the desktop's settings; see docs/kiosk-setup.md).
if [ -n "$DISPLAY" ] && command -v xset >/dev/null; then xset s off -dpms s noblank; fi
# The launcher exits 0 only when asked to stop (logout, shutdown); anything else is a failure.
kiosk="node --import tsx scripts/kiosk.ts --serve"
if command -v systemd-cat >/dev/null && [ -S /run/systemd/journal/stdout ]; then
  # Into the journal: journalctl --user -t laomo-kiosk
  until systemd-cat -t laomo-kiosk $kiosk "$@"; do sleep 5; done
else
  log="${XDG_STATE_HOME:-$HOME/.local/state}/laomo-kiosk"
  mkdir -p "$log"
  until $kiosk "$@" >>"$log/kiosk.log" 2>&1; do sleep 5; done
fi
